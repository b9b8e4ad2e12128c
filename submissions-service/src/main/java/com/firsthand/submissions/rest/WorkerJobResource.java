package com.firsthand.submissions.rest;

import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.api.ApiException;
import com.firsthand.common.paging.CursorCodec;
import com.firsthand.common.paging.ListResponse;
import com.firsthand.common.paging.PageRequest;
import com.firsthand.submissions.mapping.WorkerJobMapper;
import com.firsthand.submissions.repository.JobReplicaRepository;
import com.firsthand.submissions.rest.model.WorkerJobResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Jobs a worker can take: open or in progress, from the job replica. */
@Path("/v1/worker/jobs")
@Authenticated(Audience.WORKER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Worker")
public class WorkerJobResource {

    static final String LIST = "worker_jobs";
    private static final List<String> OFFERED = List.of("open", "in_progress");
    private static final Set<String> TYPES = Set.of("data_collection", "feedback");

    private final JobReplicaRepository jobs;
    private final CursorCodec cursors;

    public WorkerJobResource(JobReplicaRepository jobs, CursorCodec cursors) {
        this.jobs = jobs;
        this.cursors = cursors;
    }

    @GET
    @Operation(summary = "List jobs open to workers, newest first")
    public ListResponse<WorkerJobResponse> list(@RestQuery String type, @RestQuery String limit,
            @RestQuery String cursor) {
        if (type != null && !TYPES.contains(type)) {
            throw ApiException.invalidParam("type", "type must be one of: data_collection, feedback.");
        }
        PageRequest page = PageRequest.of(limit, cursor, LIST, cursors);
        return ListResponse.of(jobs.listPage(OFFERED, type, page.afterId(), page.fetchSize()), page, LIST, cursors,
                job -> job.id, WorkerJobMapper::toResponse);
    }
}
