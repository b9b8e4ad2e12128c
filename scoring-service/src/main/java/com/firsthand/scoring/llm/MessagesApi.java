package com.firsthand.scoring.llm;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;

/** Anthropic's Messages API. */
@Path("")
public interface MessagesApi {

    @POST
    @Path("/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<JsonNode> send(@HeaderParam("x-api-key") String apiKey, @HeaderParam("anthropic-version") String version,
            JsonNode request);
}
