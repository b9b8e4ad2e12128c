package com.firsthand.scoring.llm;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;

/**
 * OpenAI's chat-completions wire format, also spoken by Azure OpenAI, vLLM, Ollama and LM Studio. The key goes in
 * one of two headers (firsthand.scoring.llm.auth-style); the other is null, and a null header is not sent.
 */
@Path("")
public interface ChatCompletionsApi {

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<JsonNode> send(@HeaderParam("Authorization") String authorization,
            @HeaderParam("api-key") String apiKey, JsonNode request);
}
