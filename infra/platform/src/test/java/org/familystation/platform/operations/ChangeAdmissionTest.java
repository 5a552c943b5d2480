package org.familystation.platform.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changes take turns, reads never wait, and a change that waited too long is told the server is busy. */
class ChangeAdmissionTest {

    /** As the application's: it writes a problem's properties beside its fields. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private static final String UPLOADS = "/api/imports/";
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private final CountDownLatch finish = new CountDownLatch(1);
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopClients() {
        finish.countDown();
        clients.shutdownNow();
    }

    @Test
    void aChangeWaitsForItsTurnAndRunsWhenOneEnds() throws Exception {
        ChangeAdmission admission = new ChangeAdmission(1, Duration.ofSeconds(30), UPLOADS, json);
        Future<MockHttpServletResponse> first = send(admission, "POST", "/api/stations", holding());
        awaitRunning(admission, 1);

        Future<MockHttpServletResponse> second = send(admission, "POST", "/api/stations/S1/close", recording());
        awaitWaiting(admission, 1);
        assertThat(ran).containsExactly("/api/stations");

        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(ran).containsExactly("/api/stations", "/api/stations/S1/close");
        assertThat(admission.running()).isZero();
    }

    @Test
    void aChangeThatWaitedTooLongIsToldTheServerIsBusy() throws Exception {
        ChangeAdmission admission = new ChangeAdmission(1, Duration.ofMillis(50), UPLOADS, json);
        send(admission, "POST", "/api/stations", holding());
        awaitRunning(admission, 1);

        MockHttpServletResponse busy = send(admission, "PUT", "/api/offerings/O1", recording()).get(10, TimeUnit.SECONDS);

        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("1");
        assertThat(busy.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(busy.getContentAsString());
        assertThat(problem.path("code").asText()).isEqualTo("SERVER_BUSY");
        assertThat(problem.path("detail").asText()).contains("系统正忙");
        assertThat(problem.path("detailEn").asText()).contains("try again");
        assertThat(problem.path("retryAfterSeconds").asInt()).isEqualTo(1);
        assertThat(ran).containsExactly("/api/stations");
    }

    @Test
    void readsUploadsAndPagesOutsideTheApiNeverWait() throws Exception {
        ChangeAdmission admission = new ChangeAdmission(1, Duration.ofMillis(50), UPLOADS, json);
        send(admission, "POST", "/api/stations", holding());
        awaitRunning(admission, 1);

        for (String method : List.of("GET", "HEAD", "OPTIONS")) {
            assertThat(send(admission, method, "/api/stations", recording()).get(10, TimeUnit.SECONDS).getStatus())
                    .isEqualTo(200);
        }
        assertThat(send(admission, "POST", "/login", recording()).get(10, TimeUnit.SECONDS).getStatus())
                .isEqualTo(200);
        assertThat(send(admission, "POST", UPLOADS + "service-records", recording()).get(10, TimeUnit.SECONDS)
                .getStatus()).as("an upload").isEqualTo(200);
        assertThat(ran).hasSize(6);
    }

    @Test
    void aFailingChangeGivesItsTurnBack() throws Exception {
        ChangeAdmission admission = new ChangeAdmission(1, Duration.ofMillis(50), UPLOADS, json);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/stations");

        assertThatThrownBy(() -> admission.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            throw new IllegalStateException("the handler failed");
        })).hasMessageContaining("the handler failed");

        assertThat(admission.running()).isZero();
        assertThat(send(admission, "POST", "/api/stations", recording()).get(10, TimeUnit.SECONDS).getStatus())
                .isEqualTo(200);
    }

    @Test
    void aLoweredLimitLetsNoneInUntilEnoughHaveEndedAndARaisedOneLetsTheNextInAtOnce() throws Exception {
        List<Long> waits = new CopyOnWriteArrayList<>();
        ChangeAdmission admission = new ChangeAdmission(2, Duration.ofSeconds(30), UPLOADS, json, waits::add);
        CountDownLatch finishFirst = new CountDownLatch(1);
        Future<MockHttpServletResponse> first = send(admission, "POST", "/api/stations", holding(finishFirst));
        Future<MockHttpServletResponse> second = send(admission, "POST", "/api/stations/S1/close", holding());
        awaitRunning(admission, 2);

        admission.limit(1);
        assertThat(admission.running()).as("both still run").isEqualTo(2);
        Future<MockHttpServletResponse> third = send(admission, "POST", "/api/offerings", recording());
        awaitWaiting(admission, 1);
        finishFirst.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        Thread.sleep(100);
        assertThat(admission.waiting()).as("one still runs, and the limit is one").isEqualTo(1);
        assertThat(ran).doesNotContain("/api/offerings");

        admission.limit(3);
        assertThat(third.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(admission.running()).isEqualTo(1);
        assertThat(admission.limit()).isEqualTo(3);
        finish.countDown();
        assertThat(second.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(admission.running()).isZero();
        assertThat(waits).as("each change let in told how long it waited").hasSize(3);
        assertThat(waits.get(2)).as("the third waited while the limit was one")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThatThrownBy(() -> admission.limit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangeFromInsideTheNodeTakesItsTurnInLineAndWaitsAsLongAsItTakes() throws Exception {
        List<Long> waits = new CopyOnWriteArrayList<>();
        ChangeAdmission admission = new ChangeAdmission(1, Duration.ofMillis(50), UPLOADS, json, waits::add);
        Future<MockHttpServletResponse> first = send(admission, "POST", "/api/stations", holding());
        awaitRunning(admission, 1);

        Future<?> row = clients.submit(() -> {
            admission.inTurn(() -> ran.add("import row"));
            return null;
        });
        awaitWaiting(admission, 1);
        Future<MockHttpServletResponse> request = send(admission, "POST", "/api/offerings", recording());
        assertThat(request.get(10, TimeUnit.SECONDS).getStatus()).as("the request's deadline still holds")
                .isEqualTo(503);
        Thread.sleep(100);
        assertThat(row).as("a row has no deadline: it still waits").isNotDone();
        assertThat(ran).containsExactly("/api/stations");

        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        row.get(10, TimeUnit.SECONDS);
        assertThat(ran).containsExactly("/api/stations", "import row");
        assertThat(admission.running()).isZero();
        assertThat(waits).as("the request let in and the row").hasSize(2);
        assertThat(waits.get(1)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
    }

    @Test
    void aChangeFromInsideTheNodeInterruptedWhileWaitingDoesNotRun() throws Exception {
        ChangeAdmission admission = new ChangeAdmission(1, Duration.ofSeconds(30), UPLOADS, json);
        Future<MockHttpServletResponse> first = send(admission, "POST", "/api/stations", holding());
        awaitRunning(admission, 1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Future<?> row = clients.submit(() -> {
            try {
                admission.inTurn(() -> ran.add("import row"));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        awaitWaiting(admission, 1);

        row.cancel(true);
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(admission.waiting()).isZero();
        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(ran).containsExactly("/api/stations");
        assertThat(admission.running()).as("the interrupted row took no turn").isZero();
        admission.inTurn(() -> ran.add("next row"));
        assertThat(ran).containsExactly("/api/stations", "next row");
    }

    private Future<MockHttpServletResponse> send(ChangeAdmission admission, String method, String path,
                                                 FilterChain chain) {
        return clients.submit(() -> {
            MockHttpServletRequest request = new MockHttpServletRequest(method, path);
            request.setRequestURI(path);
            MockHttpServletResponse response = new MockHttpServletResponse();
            admission.doFilter(request, response, chain);
            return response;
        });
    }

    /** A change that runs until the test lets it finish. */
    private FilterChain holding() {
        return holding(finish);
    }

    private FilterChain holding(CountDownLatch until) {
        return (request, response) -> {
            ran.add(((MockHttpServletRequest) request).getRequestURI());
            try {
                until.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private FilterChain recording() {
        return (request, response) -> ran.add(((MockHttpServletRequest) request).getRequestURI());
    }

    private static void awaitRunning(ChangeAdmission admission, int running) throws InterruptedException {
        for (int i = 0; i < 1_000 && admission.running() < running; i++) {
            Thread.sleep(10);
        }
        assertThat(admission.running()).isEqualTo(running);
    }

    private static void awaitWaiting(ChangeAdmission admission, int waiting) throws InterruptedException {
        for (int i = 0; i < 1_000 && admission.waiting() < waiting; i++) {
            Thread.sleep(10);
        }
        assertThat(admission.waiting()).isEqualTo(waiting);
    }
}
