package org.familystation.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.client.ResponseErrorHandler;
import org.springframework.http.client.ClientHttpResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** The application's HTTP API as a test drives it: every call as one of the demo users, every answer as JSON. */
public class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final RestTemplate rest = new RestTemplate();

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
        rest.setErrorHandler(new ResponseErrorHandler() {
            @Override
            public boolean hasError(ClientHttpResponse response) {
                return false;
            }

            @Override
            public void handleError(ClientHttpResponse response) {
            }
        });
    }

    /** Where the application answers; one per running application. */
    public String base() {
        return base;
    }

    public Response post(String user, String path, String body) {
        return send(HttpMethod.POST, user, path, body, Map.of());
    }

    public Response post(String user, String path, String body, Map<String, String> headers) {
        return send(HttpMethod.POST, user, path, body, headers);
    }

    public Response get(String user, String path) {
        return send(HttpMethod.GET, user, path, null, Map.of());
    }

    public Response send(HttpMethod method, String user, String path, String body, Map<String, String> extraHeaders) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, user + "-demo", StandardCharsets.UTF_8);
        }
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        extraHeaders.forEach(headers::add);
        ResponseEntity<String> response = rest.exchange(base + path, method,
                new HttpEntity<>(body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers), String.class);
        return new Response(response.getStatusCode().value(), parse(response.getBody()), response.getHeaders());
    }

    /** A file sent as the browser sends it: one multipart/form-data part named {@code file}. */
    public Response upload(String user, String path, String filename, String contentType, byte[] content) {
        String boundary = "----familystation-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user + "-demo", StandardCharsets.UTF_8);
        headers.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=" + boundary);
        ResponseEntity<String> response = rest.exchange(base + path, HttpMethod.POST,
                new HttpEntity<>(body.toByteArray(), headers), String.class);
        return new Response(response.getStatusCode().value(), parse(response.getBody()), response.getHeaders());
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    /** An answer: status, JSON body, headers. */
    public record Response(int status, JsonNode body, HttpHeaders headers) {

        public String id() {
            return body.path("id").asText();
        }

        public String code() {
            return body.path("code").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
