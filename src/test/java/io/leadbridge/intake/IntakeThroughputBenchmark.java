package io.leadbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.LeadbridgeApplication;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresDatabase;
import io.leadbridge.support.PostgresTest;
import io.leadbridge.partner.PartnerTier;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 12: leads per second through the whole application against the bare engine, on PostgreSQL
 * with the job executor running as in production, and the SLA sweep. One run, three phases:
 * <ol>
 * <li>N leads POSTed to {@code /api/leads} by 8 clients, timed until every lead is OFFERED;</li>
 * <li>the bare engine: a process of the same shape (async start, the qualification table as a
 * business rule task, a user task with two boundary timers) started N times through
 * {@code /engine-rest} by 8 clients, timed until every instance waits at its user task;</li>
 * <li>the sweep: the engine clock moved past the accept SLA of every open offer at once (M offers),
 * timed until each lead is withdrawn and offered to its next partner.</li>
 * </ol>
 * With {@code -Dthroughput.nodes=2} a second node (a second application context on the same
 * database, its own engine and job executor, no web apps) starts before the sweep, so two nodes
 * share it; compare its time with a run of one node.
 * Per phase it prints transactions and statements (counted at the application's data source and by
 * PostgreSQL), and the statements seen waiting for a lock ({@code pg_stat_activity}, sampled every
 * 20 ms). {@code ./mvnw -o -B -Pbenchmark test -Dtest=IntakeThroughputBenchmark -Dthroughput.leads=400
 * -Dthroughput.sweep=400}.
 */
@PostgresTest
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=true",
        // as in production (application.yaml), not the tests' small pools
        "spring.datasource.hikari.maximum-pool-size=24", "spring.datasource.hikari.minimum-idle=4"})
class IntakeThroughputBenchmark {

    static final int CLIENTS = 8;
    static final int LEADS = Integer.getInteger("throughput.leads", 400);
    static final int SWEEP = Integer.getInteger("throughput.sweep", 400);
    static final int PARTNERS = Integer.getInteger("throughput.partners", 40);
    /**
     * Leads and bare starts that warm both paths up before the figures. With 20, the application's
     * phase, which runs first, still paid the JIT compiler's warm-up of the engine's code it shares
     * with the bare engine (9,300 compilations during 1,000 leads against 2,500 during the bare
     * engine's); the warm-up leads stay open and breach in the sweep with the others.
     */
    static final int WARMUP = Integer.getInteger("throughput.warmup", 300);
    static final int NODES = Integer.getInteger("throughput.nodes", 1);
    /**
     * Short phases of the application and the bare engine taken in turns after the two long ones,
     * {@code throughput.pairLeads} leads each: this host's speed moves by half within minutes, so
     * the ratio of one long pair can be off by as much; the median of many short pairs, each
     * measured within a few seconds, much less. Their leads stay open and join the sweep.
     */
    static final int PAIRS = Integer.getInteger("throughput.pairs", 0);
    static final int PAIR_LEADS = Integer.getInteger("throughput.pairLeads", 150);
    static final Duration PHASE_LIMIT = Duration.ofSeconds(Integer.getInteger("throughput.phaseLimitSeconds", 90));
    static final String BARE_PROCESS = "benchmarkLeadShape";

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine engine;
    @Autowired Environment environment;

    @AfterAll
    static void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void leadsPerSecondAgainstTheBareEngineAndTheSlaSweep() throws Exception {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        for (int i = 0; i < PARTNERS; i++) {
            PartnerTier tier = PartnerTier.values()[i % PartnerTier.values().length];
            fixtures.rep(fixtures.partner("bench" + i, tier, "US"));
        }
        deployBareProcess();
        ApiClient marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
        ApiClient admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        var jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        System.out.printf("BENCHMARK throughput setup: %d partners covering US, %d clients, N=%d, M=%d, warm-up %d,"
                + " cores=%d;"
                + " job executor %s: %d jobs per acquisition, wait %d ms, lock %d ms, backoff %d ms%n",
                PARTNERS, CLIENTS, LEADS, SWEEP, WARMUP, Runtime.getRuntime().availableProcessors(),
                jobs.getClass().getSimpleName(), jobs.getMaxJobsPerAcquisition(), jobs.getWaitTimeInMillis(),
                jobs.getLockTimeInMillis(), jobs.getBackoffTimeInMillis());

        // warm-up of both paths, outside the figures
        post(WARMUP, i -> marketing.post("/api/leads", fixtures.partnerLead("US")).status());
        post(WARMUP, i -> admin.post("/engine-rest/process-definition/key/" + BARE_PROCESS + "/start", bareStart(i))
                .status());
        waitUntil("warm-up", () -> offered() >= WARMUP && bareWaiting() >= WARMUP);
        engine.getRuntimeService().deleteProcessInstancesIfExists(bareInstances(), "warm-up", true, true, true);

        try (LockWaits locks = new LockWaits(); Statistics statistics = new Statistics()) {
            // (i) the application
            long offeredBefore = offered();
            statistics.refresh();
            Phase app = new Phase("application", locks);
            List<Long> appLatencies = post(LEADS, i -> marketing.post("/api/leads", fixtures.partnerLead("US")).status());
            long appHttpNanos = app.elapsed();
            waitUntil("every lead OFFERED", () -> offered() - offeredBefore >= LEADS);
            app.end(LEADS, appLatencies, appHttpNanos);

            // (ii) the bare engine, same shape
            statistics.refresh();
            Phase bare = new Phase("bare-engine", locks);
            List<Long> bareLatencies = post(LEADS, i -> admin.post("/engine-rest/process-definition/key/"
                    + BARE_PROCESS + "/start", bareStart(i)).status());
            long bareHttpNanos = bare.elapsed();
            waitUntil("every bare instance at its user task", () -> bareWaiting() >= LEADS);
            bare.end(LEADS, bareLatencies, bareHttpNanos);
            System.out.printf("BENCHMARK throughput ratio application/bare engine: %.2f%n",
                    app.perSecond() / bare.perSecond());
            engine.getRuntimeService().deleteProcessInstancesIfExists(bareInstances(), "benchmark", true, true, true);
            alternatingPairs(marketing, admin);

            // (iii) the SLA sweep: M open offers breach at once
            int open = LEADS + WARMUP + PAIRS * PAIR_LEADS;
            if (SWEEP > open) {
                long before = offered();
                post(SWEEP - open, i -> marketing.post("/api/leads", fixtures.partnerLead("US")).status());
                waitUntil("extra leads OFFERED", () -> offered() - before >= SWEEP - open);
            }
            ConfigurableApplicationContext secondNode = NODES > 1 ? startSecondNode() : null;
            long firstOffers = openFirstOffers();
            Date breach = jdbc.sql("select max(accept_due_at) from lead_offer where outcome is null")
                    .query(java.sql.Timestamp.class).single();
            statistics.refresh();
            Phase sweep = new Phase("sla-sweep", locks);
            ClockUtil.setCurrentTime(new Date(breach.getTime() + Duration.ofMinutes(1).toMillis()));
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
            if (secondNode != null) {
                ProcessEngine second = secondNode.getBean(ProcessEngine.class);
                ((ProcessEngineConfigurationImpl) second.getProcessEngineConfiguration()).getJobExecutor()
                        .jobWasAdded();
            }
            // A lead whose every eligible partner was suspended meanwhile (strikes) waits UNASSIGNED instead.
            waitUntil("every breached lead re-offered or unassigned", () -> reoffered() + unassigned() >= firstOffers);
            sweep.end((int) firstOffers, List.of(), 0);
            System.out.printf("BENCHMARK throughput sla-sweep outcome: %d re-offered, %d unassigned%n", reoffered(),
                    unassigned());
            System.out.printf("BENCHMARK throughput sla-sweep nodes: %d; jobs run per node (engine job log): %s%n",
                    NODES, jobsPerNode(breach));
            if (secondNode != null) {
                secondNode.close();
            }
        }
        long incidents = engine.getRuntimeService().createIncidentQuery().count();
        System.out.printf("BENCHMARK throughput incidents: %d; HTTP answers other than 2xx: 0 (each would have failed the run)%n",
                incidents);
        if (incidents > 0) {
            throw new AssertionError(incidents + " job incident(s) during the benchmark");
        }
    }

    /** {@link #PAIRS} short phases of each path in turns; each pair's ratio, and their median. */
    private void alternatingPairs(ApiClient marketing, ApiClient admin) throws Exception {
        List<Double> ratios = new ArrayList<>();
        for (int pair = 1; pair <= PAIRS; pair++) {
            long offeredBefore = offered();
            long start = System.nanoTime();
            post(PAIR_LEADS, i -> marketing.post("/api/leads", fixtures.partnerLead("US")).status());
            waitUntil("the pair's leads OFFERED", () -> offered() - offeredBefore >= PAIR_LEADS);
            double application = PAIR_LEADS / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            post(PAIR_LEADS, i -> admin.post("/engine-rest/process-definition/key/" + BARE_PROCESS + "/start",
                    bareStart(i)).status());
            waitUntil("the pair's bare instances at their user task", () -> bareWaiting() >= PAIR_LEADS);
            double bare = PAIR_LEADS / ((System.nanoTime() - start) / 1e9);
            engine.getRuntimeService().deleteProcessInstancesIfExists(bareInstances(), "benchmark", true, true, true);
            ratios.add(application / bare);
            System.out.printf("BENCHMARK throughput pair %d: application %.1f leads/s, bare engine %.1f leads/s,"
                    + " ratio %.2f%n", pair, application, bare, application / bare);
        }
        if (!ratios.isEmpty()) {
            Collections.sort(ratios);
            int middle = ratios.size() / 2;
            double median = ratios.size() % 2 == 1 ? ratios.get(middle)
                    : (ratios.get(middle - 1) + ratios.get(middle)) / 2;
            System.out.printf("BENCHMARK throughput ratio application/bare engine over %d alternating pairs of %d"
                    + " leads: median %.2f (lowest %.2f, highest %.2f)%n", ratios.size(), PAIR_LEADS, median,
                    ratios.get(0), ratios.get(ratios.size() - 1));
        }
    }

    /**
     * A second node on the same database: the application again, with its own process engine (a
     * name of its own, as two engines in one JVM need) and job executor, without web apps or demo data.
     */
    private ConfigurableApplicationContext startSecondNode() {
        // as arguments: they outrank the test profile's settings, as this benchmark's own do
        ConfigurableApplicationContext node = new SpringApplicationBuilder(LeadbridgeApplication.class)
                .profiles("test")
                .run("--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                        "--server.port=0", "--camunda.bpm.generate-unique-process-engine-name=true",
                        "--camunda.bpm.webapp.enabled=false", "--camunda.bpm.job-execution.enabled=true",
                        "--spring.datasource.hikari.maximum-pool-size=24", "--spring.datasource.hikari.minimum-idle=4");
        var jobs = ((ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration())
                .getJobExecutor();
        System.out.printf("BENCHMARK throughput second node: engine %s, job executor active %s%n",
                node.getBean(ProcessEngine.class).getName(), jobs.isActive());
        return node;
    }

    /** Jobs that ran from the given engine time on, by the node that ran them (host name, then its engine's). */
    private Map<String, Long> jobsPerNode(Date from) {
        Map<String, Long> perNode = new LinkedHashMap<>();
        jdbc.sql("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 and timestamp_ >= ? "
                + "group by hostname_ order by hostname_").param(from)
                .query((row, i) -> perNode.put(row.getString(1), row.getLong(2))).list();
        return perNode;
    }

    /** Open offers of the first attempt: the leads whose SLA the sweep breaches. */
    private long openFirstOffers() {
        return StatementCounter.polling(() -> jdbc.sql(
                "select count(*) from lead_offer where outcome is null and attempt = 1").query(Long.class).single());
    }

    private long reoffered() {
        return StatementCounter.polling(() -> jdbc.sql("""
                select count(*) from lead l where l.status = 'OFFERED'
                and exists (select 1 from lead_offer o where o.lead_id = l.id and o.attempt = 2 and o.outcome is null)""")
                .query(Long.class).single());
    }

    private long unassigned() {
        return StatementCounter.polling(() ->
                jdbc.sql("select count(*) from lead where status = 'UNASSIGNED'").query(Long.class).single());
    }

    private long offered() {
        return StatementCounter.polling(() ->
                jdbc.sql("select count(*) from lead where status = 'OFFERED'").query(Long.class).single());
    }

    private long bareWaiting() {
        return engine.getTaskService().createTaskQuery().processDefinitionKey(BARE_PROCESS).count();
    }

    private List<String> bareInstances() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(BARE_PROCESS).list()
                .stream().map(p -> p.getId()).toList();
    }

    private static Map<String, Object> bareStart(int i) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("country", Map.of("value", "US", "type", "String"));
        variables.put("product", Map.of("value", "Cloud Platform", "type", "String"));
        variables.put("score", Map.of("value", 70, "type", "Integer"));
        variables.put("employees", Map.of("value", 250, "type", "Integer"));
        variables.put("annualRevenue", Map.of("value", 25_000_000.0, "type", "Double"));
        return Map.of("businessKey", "bare-" + i + "-" + System.nanoTime(), "variables", variables);
    }

    /** The lead process's shape without the application: what the engine alone costs per lead. */
    private void deployBareProcess() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="io.leadbridge.benchmark">
                  <process id="%s" name="Lead shape (benchmark)" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="StartEvent_LeadReceived" name="Lead received" camunda:asyncAfter="true"/>
                    <sequenceFlow id="Flow_ToQualify" sourceRef="StartEvent_LeadReceived" targetRef="Task_QualifyLead"/>
                    <businessRuleTask id="Task_QualifyLead" name="Qualify lead" camunda:decisionRef="leadQualification"
                        camunda:mapDecisionResult="singleResult" camunda:resultVariable="qualification"/>
                    <sequenceFlow id="Flow_ToAccept" sourceRef="Task_QualifyLead" targetRef="Task_AcceptLead"/>
                    <userTask id="Task_AcceptLead" name="Accept or decline lead" camunda:candidateGroups="channel-managers"/>
                    <boundaryEvent id="BoundaryEvent_AcceptReminderDue" name="Accept reminder due"
                        attachedToRef="Task_AcceptLead" cancelActivity="false">
                      <timerEventDefinition><timeDuration>P30D</timeDuration></timerEventDefinition>
                    </boundaryEvent>
                    <boundaryEvent id="BoundaryEvent_AcceptSlaBreached" name="Accept SLA breached"
                        attachedToRef="Task_AcceptLead">
                      <timerEventDefinition><timeDuration>P31D</timeDuration></timerEventDefinition>
                    </boundaryEvent>
                    <sequenceFlow id="Flow_ToEnd" sourceRef="Task_AcceptLead" targetRef="EndEvent_Done"/>
                    <sequenceFlow id="Flow_ReminderToEnd" sourceRef="BoundaryEvent_AcceptReminderDue" targetRef="EndEvent_Reminded"/>
                    <sequenceFlow id="Flow_BreachToEnd" sourceRef="BoundaryEvent_AcceptSlaBreached" targetRef="EndEvent_Breached"/>
                    <endEvent id="EndEvent_Done" name="Done"/>
                    <endEvent id="EndEvent_Reminded" name="Reminded"/>
                    <endEvent id="EndEvent_Breached" name="Breached"/>
                  </process>
                </definitions>
                """.formatted(BARE_PROCESS);
        engine.getRepositoryService().createDeployment().name("throughput-benchmark")
                .addString("benchmark-lead-shape.bpmn", bpmn).deploy();
    }

    /** Sends {@code count} requests from {@link #CLIENTS} threads; the latency of each, in nanoseconds. */
    private static List<Long> post(int count, IntFunction<Integer> request) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        int status = request.apply(i);
                        latencies.add(System.nanoTime() - start);
                        if (status / 100 != 2) {
                            throw new AssertionError("request " + i + " answered " + status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdown();
        }
        return latencies;
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + PHASE_LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + PHASE_LIMIT + ": " + what);
            }
            // polling the database for completion, not waiting for time to pass in the engine: every
            // 20 ms at first, then every 1% of the time so far (at most 500 ms), so that the question,
            // which counts every open lead, does not take PostgreSQL's time from a long phase
            long sofar = (System.nanoTime() - start) / 1_000_000;
            Thread.sleep(Math.min(500, Math.max(20, sofar / 100)));
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** One timed phase: its wall clock, the application's statements and PostgreSQL's transactions. */
    private final class Phase {
        final String name;
        final LockWaits locks;
        final long start = System.nanoTime();
        final long statements = StatementCounter.STATEMENTS.get();
        final long commits = StatementCounter.COMMITS.get();
        final long connections = StatementCounter.CONNECTIONS.get();
        final long serverTransactions = serverTransactions();
        final long jvmCpu = CpuTime.jvm();
        final long compiling = CpuTime.compiling();
        final long databaseCpu = CpuTime.database();
        final Map<String, Long> byThread = StatementCounter.snapshot();
        final Map<String, Long> jobs = jobsRun();
        double perSecond;

        Phase(String name, LockWaits locks) {
            this.name = name;
            this.locks = locks;
            StatementCounter.BY_TEXT.values().forEach(count -> count.set(0));
            locks.start(name);
        }

        long elapsed() {
            return System.nanoTime() - start;
        }

        void end(int leads, List<Long> latencies, long httpNanos) {
            long total = elapsed();
            Map<String, Integer> waits = locks.stop();
            StatementCounter.printTexts(name, leads);
            perSecond = leads / (total / 1e9);
            System.out.printf("BENCHMARK throughput %s: %d leads in %.2f s = %.1f leads/s%n", name, leads, total / 1e9,
                    perSecond);
            if (!latencies.isEmpty()) {
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                System.out.printf("BENCHMARK throughput %s HTTP: %.1f requests/s, p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                        name, leads / (httpNanos / 1e9), millis(sorted.get(sorted.size() / 2)),
                        millis(sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1)), millis(sorted.get(sorted.size() - 1)));
            }
            System.out.printf("BENCHMARK throughput %s per lead: %.1f statements, %.1f commits, %.1f connections taken "
                    + "(application's data source); %.1f transactions (PostgreSQL, all clients)%n", name,
                    (StatementCounter.STATEMENTS.get() - statements) / (double) leads,
                    (StatementCounter.COMMITS.get() - commits) / (double) leads,
                    (StatementCounter.CONNECTIONS.get() - connections) / (double) leads,
                    (serverTransactions() - serverTransactions) / (double) leads);
            long databaseCpuNow = CpuTime.database();
            String databaseMillis = databaseCpu < 0 || databaseCpuNow < 0 ? "n/a (not on this machine)"
                    : String.format(java.util.Locale.ROOT, "%.1f ms", (databaseCpuNow - databaseCpu) / 1e6 / leads);
            System.out.printf("BENCHMARK throughput %s CPU per lead: %.1f ms in this JVM (application and the"
                    + " benchmark's clients), %s in PostgreSQL%n", name, (CpuTime.jvm() - jvmCpu) / 1e6 / leads,
                    databaseMillis);
            long compilingNow = CpuTime.compiling();
            if (compiling >= 0 && compilingNow >= 0) {
                System.out.printf("BENCHMARK throughput %s CPU per lead of the JIT compiler: %.1f ms (part of the"
                        + " JVM's above; it falls as the JVM warms up)%n", name, (compilingNow - compiling) / 1e6 / leads);
            }
            Map<String, Long> byThreadNow = StatementCounter.snapshot();
            byThreadNow.forEach((k, v) -> System.out.printf("BENCHMARK throughput %s per lead, %s: %.1f%n", name, k,
                    (v - byThread.getOrDefault(k, 0L)) / (double) leads));
            jobsRun().forEach((k, v) -> System.out.printf("BENCHMARK throughput %s per lead, jobs %s: %.2f%n", name, k,
                    (v - jobs.getOrDefault(k, 0L)) / (double) leads));
            int samples = waits.getOrDefault("", 0);
            System.out.printf("BENCHMARK throughput %s lock waits: %d samples (every 20 ms), sessions waiting:%n", name,
                    samples);
            waits.entrySet().stream().filter(e -> !e.getKey().isEmpty() && !e.getKey().startsWith(LockWaits.ACTIVE))
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                    .forEach(e -> System.out.printf("BENCHMARK   %5d x %s%n", e.getValue(), e.getKey()));
            System.out.printf("BENCHMARK throughput %s PostgreSQL busy: sessions running a statement, summed over"
                    + " the same samples, per 1,000 leads:%n", name);
            waits.entrySet().stream().filter(e -> e.getKey().startsWith(LockWaits.ACTIVE))
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                    .forEach(e -> System.out.printf("BENCHMARK   %7.1f x %s%n", e.getValue() * 1000.0 / leads,
                            e.getKey().substring(LockWaits.ACTIVE.length())));
        }

        double perSecond() {
            return perSecond;
        }

        /** Jobs run so far by their activity and kind, from the job log (history level full). */
        private Map<String, Long> jobsRun() {
            Map<String, Long> runs = new java.util.TreeMap<>();
            jdbc.sql("""
                    select coalesce(act_id_, '-') || ' ' || coalesce(job_def_type_, '-') || case when job_state_ = 1 then ' FAILED' else '' end, count(*)
                    from act_hi_job_log where job_state_ in (1, 2) group by 1""")
                    .query(rs -> {
                        runs.put(rs.getString(1), rs.getLong(2));
                    });
            return runs;
        }

        private long serverTransactions() {
            return jdbc.sql("select xact_commit + xact_rollback from pg_stat_database where datname = current_database()")
                    .query(Long.class).single();
        }
    }

    /**
     * Samples {@code pg_stat_activity} on a connection of its own: which statements wait for a lock, and
     * what the session holding it last ran. The empty key counts the samples.
     */
    private static final class LockWaits implements AutoCloseable {
        /** Marks a sample of a session running a statement (not waiting for a lock): where PostgreSQL's time goes. */
        static final String ACTIVE = "active: ";
        private final Connection connection;
        private final Thread sampler;
        private volatile Map<String, Integer> current;

        LockWaits() throws SQLException {
            PostgresDatabase.Connection db = PostgresDatabase.get();
            connection = DriverManager.getConnection(db.url(), db.username(), db.password());
            sampler = new Thread(this::sample, "lock-wait-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        void start(String phase) {
            current = new ConcurrentHashMap<>();
        }

        Map<String, Integer> stop() {
            Map<String, Integer> taken = current;
            current = null;
            return taken;
        }

        private void sample() {
            String sql = """
                    select a.wait_event_type || ':' || a.wait_event as wait, left(regexp_replace(a.query, '\\s+', ' ', 'g'), 110) as query,
                      (select left(regexp_replace(b.query, '\\s+', ' ', 'g'), 90) from pg_stat_activity b
                       where b.pid = any(pg_blocking_pids(a.pid)) limit 1) as holder
                    from pg_stat_activity a
                    where a.datname = current_database() and a.wait_event_type = 'Lock'""";
            String active = """
                    select left(regexp_replace(query, '\\s+', ' ', 'g'), 110) from pg_stat_activity
                    where datname = current_database() and state = 'active' and pid <> pg_backend_pid()""";
            try (Statement statement = connection.createStatement()) {
                while (!Thread.currentThread().isInterrupted()) {
                    Map<String, Integer> into = current;
                    if (into != null) {
                        into.merge("", 1, Integer::sum);
                        try (var rows = statement.executeQuery(sql)) {
                            while (rows.next()) {
                                into.merge(rows.getString(1) + " | " + rows.getString(2) + " | held by a session last running: "
                                        + rows.getString(3), 1, Integer::sum);
                            }
                        }
                        try (var rows = statement.executeQuery(active)) {
                            while (rows.next()) {
                                into.merge(ACTIVE + rows.getString(1), 1, Integer::sum);
                            }
                        }
                    }
                    Thread.sleep(20);
                }
            } catch (SQLException | InterruptedException e) {
                // closed at the end of the run
            }
        }

        @Override
        public void close() throws SQLException {
            sampler.interrupt();
            connection.close();
        }
    }

    /**
     * PostgreSQL's autovacuum, stood in for where the server runs without it (this machine's). Every
     * minute (autovacuum's naptime) and before each phase, each table autovacuum would take by its
     * default thresholds is vacuumed or analyzed: dead rows over 50 + 20% of the table, rows inserted
     * since the last vacuum over 1,000 + 20%, rows changed since the last analyze over 50 + 10%.
     * Without it the engine's tables get no planner statistics (the look-up of an execution's
     * variables then reads the whole {@code ACT_RU_VARIABLE} index of null task ids: 2 to 5 ms at
     * 135,000 variables instead of 0.3) and keep every dead row (the job acquisition then visits every
     * job run since the start). Where autovacuum is on, it does this itself.
     */
    private static final class Statistics implements AutoCloseable {
        private static final String DUE_TABLES = """
                select s.relname, greatest(c.reltuples, 0) as tuples, s.n_dead_tup, s.n_ins_since_vacuum,
                  s.n_mod_since_analyze
                from pg_stat_user_tables s join pg_class c on c.oid = s.relid""";
        private final Connection connection;
        private final boolean autovacuum;
        private final java.util.concurrent.ScheduledExecutorService standIn;
        private int vacuums;
        private int analyzes;
        private long nanos;

        Statistics() throws SQLException {
            PostgresDatabase.Connection db = PostgresDatabase.get();
            connection = DriverManager.getConnection(db.url(), db.username(), db.password());
            try (Statement statement = connection.createStatement();
                    var rows = statement.executeQuery("show autovacuum")) {
                rows.next();
                autovacuum = "on".equals(rows.getString(1));
            }
            System.out.printf("BENCHMARK throughput statistics: autovacuum %s%n", autovacuum ? "on: it vacuums and"
                    + " analyzes the tables" : "off on this server: the benchmark vacuums and analyzes the tables"
                    + " autovacuum would, before each phase and every minute");
            standIn = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "autovacuum-stand-in");
                thread.setDaemon(true);
                return thread;
            });
            if (!autovacuum) {
                standIn.scheduleWithFixedDelay(this::pass, 60, 60, java.util.concurrent.TimeUnit.SECONDS);
            }
        }

        /** Before a phase: the tables as a server with autovacuum would have them by then. */
        void refresh() {
            if (!autovacuum) {
                pass();
            }
        }

        private synchronized void pass() {
            long started = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                List<String> work = new ArrayList<>();
                try (var rows = statement.executeQuery(DUE_TABLES)) {
                    while (rows.next()) {
                        double tuples = rows.getDouble("tuples");
                        boolean vacuum = rows.getLong("n_dead_tup") > 50 + 0.2 * tuples
                                || rows.getLong("n_ins_since_vacuum") > 1000 + 0.2 * tuples;
                        boolean analyze = rows.getLong("n_mod_since_analyze") > 50 + 0.1 * tuples;
                        String table = '"' + rows.getString("relname") + '"';
                        if (vacuum || analyze) {
                            work.add((vacuum ? analyze ? "vacuum (analyze) " : "vacuum " : "analyze ") + table);
                        }
                    }
                }
                for (String command : work) {
                    statement.execute(command);
                    vacuums += command.startsWith("vacuum") ? 1 : 0;
                    analyzes += command.contains("analyze") ? 1 : 0;
                }
            } catch (SQLException e) {
                System.out.printf("BENCHMARK throughput statistics: autovacuum stand-in failed: %s%n", e.getMessage());
            }
            nanos += System.nanoTime() - started;
        }

        @Override
        public synchronized void close() throws SQLException {
            standIn.shutdownNow();
            if (!autovacuum) {
                System.out.printf("BENCHMARK throughput statistics: autovacuum stand-in ran %d vacuums and %d analyzes"
                        + " in %.1f s%n", vacuums, analyzes, nanos / 1e9);
            }
            connection.close();
        }
    }

    /**
     * CPU time spent, in nanoseconds: by this JVM, and by PostgreSQL's processes when it runs on this
     * (Linux) machine. Unlike the wall clock, it hardly moves with what else the machine's host runs.
     */
    static final class CpuTime {
        /** Linux's clock ticks per second for the times in /proc (USER_HZ, 100 on every common kernel). */
        private static final long TICKS_PER_SECOND = 100;

        static long jvm() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }

        /**
         * CPU time of this JVM's JIT compiler threads ({@code C1/C2 CompilerThread}, from
         * /proc/self/task) in nanoseconds, -1 without /proc or without compiler threads (an
         * interpreted-only JVM); then the phase prints no such line. A compiler thread the JVM ends when
         * it has nothing to compile takes its time along, so this is at least the compiler's time.
         */
        static long compiling() {
            // utime 14, stime 15
            return ticks(new java.io.File("/proc/self/task").listFiles(), "C[12] CompilerThre.*", 15);
        }

        /**
         * User and system time of every process named {@code postgres}, with the time of the
         * children each has waited for (the postmaster's ended backends); -1 without /proc.
         */
        static long database() {
            // utime 14, stime 15, cutime 16, cstime 17
            return ticks(new java.io.File("/proc").listFiles(f -> f.getName().matches("\\d+")), "postgres", 17);
        }

        /**
         * Fields 14 to {@code lastField} of the {@code stat} of each process or thread directory
         * whose name matches, summed, in nanoseconds; -1 when none matched.
         */
        private static long ticks(java.io.File[] directories, String name, int lastField) {
            if (directories == null) {
                return -1;
            }
            long ticks = 0;
            boolean found = false;
            for (java.io.File directory : directories) {
                try {
                    String stat = java.nio.file.Files.readString(directory.toPath().resolve("stat"));
                    int nameEnd = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, nameEnd).matches(name)) {
                        continue;
                    }
                    // after the name the state is field 3
                    String[] fields = stat.substring(nameEnd + 2).split(" ");
                    for (int field = 14; field <= lastField; field++) {
                        ticks += Long.parseLong(fields[field - 3]);
                    }
                    found = true;
                } catch (java.io.IOException | RuntimeException ended) {
                    // the process or thread ended while we looked
                }
            }
            return found ? ticks * (1_000_000_000L / TICKS_PER_SECOND) : -1;
        }
    }

    /** Counts what the application sends through its data source: statements, commits, connections taken. */
    @TestConfiguration
    static class StatementCounter {
        static final AtomicLong STATEMENTS = new AtomicLong();
        static final AtomicLong COMMITS = new AtomicLong();
        static final AtomicLong CONNECTIONS = new AtomicLong();
        /** Statements and commits by who sent them: HTTP requests, job threads, job acquisition, the rest. */
        static final Map<String, AtomicLong> BY_THREAD = new ConcurrentHashMap<>();
        /** Set while the benchmark itself asks how far a phase has come: its polling is not the application's work. */
        static final ThreadLocal<Boolean> POLLING = ThreadLocal.withInitial(() -> false);

        static <T> T polling(Supplier<T> question) {
            POLLING.set(true);
            try {
                return question.get();
            } finally {
                POLLING.set(false);
            }
        }

        static void count(String what) {
            String thread = Thread.currentThread().getName();
            String who = thread.startsWith("http-nio") ? "http" : thread.startsWith("camundaTaskExecutor") ? "job"
                    : thread.startsWith("JobExecutor") ? "acquisition" : "other";
            BY_THREAD.computeIfAbsent(who + " " + what, k -> new AtomicLong()).incrementAndGet();
        }

        /** Statements by their text (first words, whitespace folded), when {@code -Dthroughput.statements=true}. */
        static final Map<String, AtomicLong> BY_TEXT = new ConcurrentHashMap<>();
        static final boolean BY_TEXT_ON = Boolean.getBoolean("throughput.statements");

        /** Every different statement text sent (the driver prepares each once per connection, up to its cache). */
        static final Set<String> DISTINCT = ConcurrentHashMap.newKeySet();

        static void countText(String sql) {
            if (BY_TEXT_ON && sql != null) {
                DISTINCT.add(sql);
                String folded = sql.replaceAll("\\s+", " ").trim();
                BY_TEXT.computeIfAbsent(folded.substring(0, Math.min(110, folded.length())), k -> new AtomicLong())
                        .incrementAndGet();
            }
        }

        /** The most frequent statement texts since the last call, per lead; and starts counting anew. */
        static void printTexts(String phase, int leads) {
            if (!BY_TEXT_ON) {
                return;
            }
            System.out.printf("BENCHMARK   %s statements: %d different texts so far%n", phase, DISTINCT.size());
            Map<String, Long> copy = new java.util.HashMap<>();
            BY_TEXT.forEach((k, v) -> copy.put(k, v.getAndSet(0)));
            copy.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(60)
                    .forEach(e -> System.out.printf("BENCHMARK   %s statement %6.2f per lead | %s%n", phase,
                            e.getValue() / (double) leads, e.getKey()));
        }

        static Map<String, Long> snapshot() {
            Map<String, Long> copy = new java.util.TreeMap<>();
            BY_THREAD.forEach((k, v) -> copy.put(k, v.get()));
            return copy;
        }

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource && name.equals("dataSource")) {
                        return proxy(DataSource.class, dataSource);
                    }
                    return bean;
                }
            };
        }

        @SuppressWarnings("unchecked")
        static <T> T proxy(Class<T> type, T target) {
            return proxy(type, target, null);
        }

        @SuppressWarnings("unchecked")
        static <T> T proxy(Class<T> type, T target, String preparedSql) {
            InvocationHandler handler = (self, method, args) -> {
                String name = method.getName();
                if (POLLING.get()) {
                    name = "";  // the benchmark's own question, not counted
                }
                // a batch counts each statement added to it, not its execution
                if (name.equals("addBatch") || (name.startsWith("execute") && !name.equals("executeBatch"))) {
                    STATEMENTS.incrementAndGet();
                    count("statements");
                    countText(preparedSql != null ? preparedSql
                            : args != null && args.length > 0 && args[0] instanceof String sql ? sql : null);
                } else if (name.equals("commit")) {
                    COMMITS.incrementAndGet();
                    count("commits");
                } else if (name.equals("getConnection")) {
                    CONNECTIONS.incrementAndGet();
                }
                Object result;
                try {
                    result = method.invoke(target, args);  // always the real method, also when not counted
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                Class<?> returned = method.getReturnType();
                if (result != null && returned.isInterface()
                        && (returned == Connection.class || Statement.class.isAssignableFrom(returned))) {
                    String sql = (name.startsWith("prepare")) && args != null && args.length > 0
                            && args[0] instanceof String text ? text : null;
                    return proxy((Class<Object>) returned, result, sql);
                }
                return result;
            };
            return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
        }
    }
}
