package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.firsthand.client.ApiClient;
import com.firsthand.client.ApiException;
import com.firsthand.client.api.AdminApi;
import com.firsthand.client.api.JobsApi;
import com.firsthand.client.api.SubmissionsApi;
import com.firsthand.client.api.UsageApi;
import com.firsthand.client.api.WorkerApi;
import com.firsthand.client.model.CreateJobRequest;
import com.firsthand.client.model.CreateOrganizationRequest;
import com.firsthand.client.model.CreateWorkerRequest;
import com.firsthand.client.model.FileResponse;
import com.firsthand.client.model.JobResponse;
import com.firsthand.client.model.ListResponseJobResponse;
import com.firsthand.client.model.RateJobRequest;
import com.firsthand.client.model.SubmissionResponse;
import com.firsthand.client.model.SubmissionSummaryResponse;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The buyer's story with nothing but a Java client generated at build time from the gateway's API description
 * (openapi-generator, e2e-tests/pom.xml): what a buyer generating an SDK gets must work as it is.
 */
@ExtendWith(LocalStack.class)
class GeneratedClientIT {

    private final LocalStack stack = LocalStack.get();

    @Test
    void aBuyerWalksTheStoryWithTheGeneratedClientAlone() throws Exception {
        AdminApi admin = new AdminApi(client(stack.adminToken()));
        String buyerKey = admin.adminCreateOrganization(key(), new CreateOrganizationRequest().name("SDK Buyer"))
                .getApiKey().getSecret();
        String workerToken = admin.adminCreateWorker(key(), new CreateWorkerRequest().name("SDK Worker"))
                .getToken().getSecret();
        JobsApi jobs = new JobsApi(client(buyerKey));
        WorkerApi worker = new WorkerApi(client(workerToken));
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            assertThat(jobs.listJobs(null, null, null, null).getData()).isEmpty();
            assertThat(new UsageApi(client(buyerKey)).getUsage(null, null)).isNotNull();
            assertThat(worker.listWorkerJobs(null, 1, null).getObject()).isEqualTo("list");
        });

        String createKey = key();
        JobResponse created = jobs.createJob(createKey, mailboxJob(1));
        assertThat(created.getStatus()).isEqualTo(JobResponse.StatusEnum.OPEN);
        assertThat(created.getType()).isEqualTo(JobResponse.TypeEnum.DATA_COLLECTION);
        assertThat(created.getFilesNeeded()).isEqualTo(1);
        assertThat(jobs.createJob(createKey, mailboxJob(1)).getId()).as("the same Idempotency-Key replays")
                .isEqualTo(created.getId());
        JobResponse second = jobs.createJob(key(), mailboxJob(2));

        ListResponseJobResponse firstPage = jobs.listJobs(null, 1, null, null);
        assertThat(firstPage.getHasMore()).isTrue();
        assertThat(firstPage.getData()).extracting(JobResponse::getId).containsExactly(second.getId());
        ListResponseJobResponse secondPage = jobs.listJobs(firstPage.getNextCursor(), 1, null, null);
        assertThat(secondPage.getData()).extracting(JobResponse::getId).containsExactly(created.getId());
        assertThat(jobs.getJob(created.getId(), null).getDescription()).isEqualTo(created.getDescription());
        assertThat(jobs.getJob(created.getId(), "wait=1").getStatus()).as("long-poll, nothing changed")
                .isEqualTo(JobResponse.StatusEnum.OPEN);

        File photo = Files.write(Files.createTempFile("mailbox", ".jpg"),
                SubmissionStoryIT.photo(701, 1600, 1200)).toFile();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() ->
                assertThat(worker.acceptJob(created.getId(), key()).getStatus()).isNotNull());
        SubmissionResponse uploaded = worker.uploadSubmission(created.getId(), key(), photo, "front view");
        assertThat(uploaded.getStatus()).isEqualTo(SubmissionResponse.StatusEnum.PENDING_SCORE);

        SubmissionsApi submissions = new SubmissionsApi(client(buyerKey));
        await().atMost(Duration.ofSeconds(30)).until(() -> submissions.getSubmission(uploaded.getId()).getStatus()
                != SubmissionResponse.StatusEnum.PENDING_SCORE);
        SubmissionResponse scored = submissions.getSubmission(uploaded.getId());
        assertThat(scored.getStatus()).isEqualTo(SubmissionResponse.StatusEnum.APPROVED);
        assertThat(scored.getAiStarRating()).isBetween(3, 5);
        assertThat(scored.getFileUrl()).isNotBlank();
        assertThat(submissions.listSubmissions(null, null, created.getId(), null, null, null, null).getData())
                .extracting(SubmissionResponse::getId).containsExactly(uploaded.getId());
        assertThat(jobs.listJobSubmissions(created.getId(), null, null, null).getData()).hasSize(1);
        List<FileResponse> files = jobs.listJobFiles(created.getId(), null, null, null).getData();
        assertThat(files).singleElement().satisfies(file -> assertThat(file.getUrl()).isNotBlank());
        SubmissionSummaryResponse summary = submissions.getSubmissionSummary(null, created.getId(), null);
        assertThat(summary.getApproved()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.getJob(created.getId(), "wait=5").getStatus()
                == JobResponse.StatusEnum.COMPLETED);
        JobResponse rated = jobs.rateJob(created.getId(), key(), new RateJobRequest().rating(5).feedback("Great"));
        assertThat(rated.getBuyerRating()).isEqualTo(5);
        assertThat(jobs.cancelJob(second.getId(), key()).getStatus()).isEqualTo(JobResponse.StatusEnum.CANCELLED);

        assertThatThrownBy(() -> jobs.getJob("job_doesnotexist", null)).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(error(e).path("type").asText()).isEqualTo("invalid_request_error");
                });
        assertThatThrownBy(() -> jobs.createJob(key(), new CreateJobRequest().description("no type")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(error(e).path("param").asText()).isEqualTo("type");
                });
        assertThatThrownBy(() -> jobs.cancelJob(created.getId(), key())).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getCode()).isEqualTo(409));
    }

    private ApiClient client(String bearer) {
        ApiClient client = new ApiClient();
        URI gateway = URI.create(stack.api().gateway());
        client.setScheme(gateway.getScheme()).setHost(gateway.getHost()).setPort(gateway.getPort()).setBasePath("");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
        return client;
    }

    private static CreateJobRequest mailboxJob(int filesNeeded) {
        return new CreateJobRequest().type(CreateJobRequest.TypeEnum.DATA_COLLECTION)
                .description("Residential mailboxes, front view, in daylight").filesNeeded(filesNeeded)
                .acceptedFormats(List.of("image/jpeg", "image/png")).pricePerFileCents(50);
    }

    private static JsonNode error(ApiException e) {
        try {
            return new ObjectMapper().readTree(e.getResponseBody()).path("error");
        } catch (Exception parse) {
            throw new AssertionError("not the error format: " + e.getResponseBody(), parse);
        }
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
