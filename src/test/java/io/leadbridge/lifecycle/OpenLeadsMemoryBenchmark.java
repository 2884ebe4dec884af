package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.reporting.ReportFacts;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12: heap and resident memory of the application holding N open leads (default 100,000),
 * half of them OFFERED (waiting at "Accept or decline lead" with its reminder and SLA timers), half
 * ACCEPTED (waiting at "Contact the prospect" with its timers), on PostgreSQL, job executor off.
 *
 * <p>Two leads are taken through the real path first (intake, the routing job, a rep's accept
 * over the API). Their application rows (account, contact, lead, events, offers) are then copied
 * N times by bulk SQL, spread over 40 partners, and their report facts worked out by
 * {@link ReportFacts#refresh}. Every copy gets a real process instance of its own, started at
 * the template's wait states ({@code startBeforeActivity}) with the template's variables (its
 * own lead id, partner and rep), in parallel batches of one transaction each: the engine
 * creates the user task and the boundary timer jobs exactly as routing would. After a full GC
 * the heap and the process's RSS are printed; then the application is used (lead list and CSV
 * export over /api, the dashboard's reports, one new lead routed) and they are printed again.
 * {@code ./mvnw -o -B -Pbenchmark test -Dtest=OpenLeadsMemoryBenchmark -Dmemory.leads=100000}.
 */
@PostgresTest
class OpenLeadsMemoryBenchmark {

    static final int LEADS = Integer.getInteger("memory.leads", 100_000);
    static final int PARTNERS = 40;
    static final int THREADS = Integer.getInteger("memory.threads", 4);
    static final int BATCH = Integer.getInteger("memory.batch", 100);

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired EngineDriver driver;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;
    @Autowired ReportFacts reportFacts;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void heapAndRssWithOpenLeads() throws Exception {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        List<String> partners = new ArrayList<>();
        List<String> reps = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            String partner = fixtures.partner("mem" + i, PartnerTier.values()[i % PartnerTier.values().length], "US");
            partners.add(partner);
            reps.add(fixtures.rep(partner));
        }
        ApiClient marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
        ApiClient admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        print("setup: N=%,d open leads (half OFFERED, half ACCEPTED), %d partners, %d threads, batches of %d, "
                + "cores=%d, max heap %,d MB, load average %s", LEADS, PARTNERS, THREADS, BATCH,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        Memory empty = Memory.measure();
        print("before the leads: %s", empty);

        // Templates through the real path.
        long offeredTemplate = routedLead(marketing);
        long acceptedTemplate = routedLead(marketing);
        String acceptingRep = jdbc.sql("select min(username) from partner_rep where partner_id = "
                + "(select partner_id from lead where id = :id)").param("id", acceptedTemplate).query(String.class).single();
        Response accepted = ApiClient.as(port, acceptingRep, LeadFixtures.PASSWORD)
                .post("/api/leads/" + acceptedTemplate + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        driver.runDueJobs();
        Template offered = template(offeredTemplate, "OFFERED");
        Template acceptedShape = template(acceptedTemplate, "ACCEPTED");
        print("templates: OFFERED lead %d waits at %s with %d jobs, %d variables; ACCEPTED lead %d waits at %s with"
                + " %d jobs, %d variables", offeredTemplate, offered.activities, offered.jobs, offered.variables.size(),
                acceptedTemplate, acceptedShape.activities, acceptedShape.jobs, acceptedShape.variables.size());

        long start = System.nanoTime();
        List<long[]> copies = copyRows(offered, acceptedShape, partners);
        print("application rows: %,d leads with accounts, contacts, events and offers by bulk SQL in %.1f s",
                copies.size(), seconds(start));
        start = System.nanoTime();
        for (int from = 0; from < copies.size(); from += 1000) {
            List<Long> ids = copies.subList(from, Math.min(copies.size(), from + 1000)).stream().map(c -> c[0]).toList();
            new TransactionTemplate(transactions).executeWithoutResult(tx -> reportFacts.refresh(ids));
        }
        print("report facts of the copies (ReportFacts.refresh, 1,000 a transaction) in %.1f s", seconds(start));

        // In stages, the heap measured after each: how it grows with the open leads.
        start = System.nanoTime();
        int done = 0;
        for (int stage : new int[] {LEADS / 10, LEADS / 4, LEADS / 2, LEADS}) {
            if (stage <= done) {
                continue;
            }
            startInstances(copies.subList(done, stage), offered, acceptedShape, partners, reps);
            done = stage;
            // What autovacuum does on a production database as the engine's tables grow.
            jdbc.sql("analyze act_ru_execution, act_ru_variable, act_ru_task, act_ru_job, act_ru_identitylink").update();
            print("%,d process instances started after %.1f s (%.0f/s), load average %s; after a full GC: %s", done,
                    seconds(start), done / seconds(start), loadAverage(), Memory.measure());
        }
        double instanceSeconds = seconds(start);
        long instances = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(LeadVariables.PROCESS_KEY).count();
        long timers = engine.getManagementService().createJobQuery().processDefinitionKey(LeadVariables.PROCESS_KEY)
                .timers().count();
        long tasks = engine.getTaskService().createTaskQuery().processDefinitionKey(LeadVariables.PROCESS_KEY).count();
        print("process instances: %,d started in %.1f s (%.0f/s); now %,d instances, %,d timer jobs, %,d tasks",
                copies.size(), instanceSeconds, copies.size() / instanceSeconds, instances, timers, tasks);
        assertThat(instances).isEqualTo(LEADS + 2L);
        assertThat(timers).isEqualTo((long) (LEADS / 2) * offered.jobs + (long) (LEADS - LEADS / 2) * acceptedShape.jobs
                + offered.jobs + acceptedShape.jobs);

        Memory loaded = Memory.measure();
        print("with %,d open leads, after a full GC: %s", LEADS, loaded);

        start = System.nanoTime();
        use(admin, marketing, partners);
        print("used the application (lead pages, CSV export, reports, one new lead routed) in %.1f s",
                seconds(start));
        Memory used = Memory.measure();
        print("with %,d open leads, after use and a full GC: %s", LEADS, used);
        print("heap used grew by %,d MB with the leads, %,d MB more after use", (loaded.heapUsed - empty.heapUsed) >> 20,
                (used.heapUsed - loaded.heapUsed) >> 20);
    }

    /** A lead POSTed and routed by its job: OFFERED. */
    private long routedLead(ApiClient marketing) {
        Response created = marketing.post("/api/leads", fixtures.partnerLead("US"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        driver.runDueJobs();
        assertThat(fixtures.lead(id).status().name()).isEqualTo("OFFERED");
        return id;
    }

    /** Where a real lead's process waits, its timers and its process-wide variables. */
    private Template template(long leadId, String status) {
        assertThat(fixtures.lead(leadId).status().name()).isEqualTo(status);
        String instance = fixtures.process(leadId).getId();
        List<String> activities = new ArrayList<>();
        leaves(engine.getRuntimeService().getActivityInstance(instance), activities);
        long jobs = engine.getManagementService().createJobQuery().processInstanceId(instance).timers().count();
        long allJobs = engine.getManagementService().createJobQuery().processInstanceId(instance).count();
        assertThat(allJobs).as("only timers pending").isEqualTo(jobs);
        VariableMap variables = engine.getRuntimeService().getVariablesTyped(instance, false);
        String partner = jdbc.sql("select partner_id from lead where id = :id").param("id", leadId)
                .query(String.class).single();
        String rep = jdbc.sql("select rep_username from lead where id = :id").param("id", leadId)
                .query(String.class).optional().orElse(null);
        return new Template(leadId, status, activities, jobs, variables, partner, rep);
    }

    /** The activities the instance waits in; a multi-instance activity as its body, so each copy repeats it anew. */
    private static void leaves(ActivityInstance activity, List<String> into) {
        if (activity.getActivityType().equals("multiInstanceBody")) {
            into.add(activity.getActivityId());
            return;
        }
        if (activity.getChildActivityInstances().length == 0) {
            into.add(activity.getActivityId());
        }
        for (ActivityInstance child : activity.getChildActivityInstances()) {
            leaves(child, into);
        }
    }

    record Template(long leadId, String status, List<String> activities, long jobs, VariableMap variables,
            String partner, String rep) {
    }

    /**
     * Copies the templates' rows by bulk SQL, each copy a company and person of its own, the
     * partner by turns. Returns [lead id, 0 offered / 1 accepted, partner index, copy number] per copy. The
     * work tables are ordinary (unlogged) tables: each statement may run on another pooled connection.
     */
    private List<long[]> copyRows(Template offered, Template accepted, List<String> partners) {
        jdbc.sql("create unlogged table memory_copy (n integer primary key, template bigint not null, "
                + "partner_id varchar(40) not null)").update();
        jdbc.sql("create unlogged table memory_partner (i integer primary key, partner_id varchar(40))").update();
        for (int i = 0; i < partners.size(); i++) {
            jdbc.sql("insert into memory_partner values (:i, :p)").param("i", i).param("p", partners.get(i)).update();
        }
        jdbc.sql("""
                insert into memory_copy (n, template, partner_id)
                select g, case when g % 2 = 0 then :offered else :accepted end,
                       (select partner_id from memory_partner where i = g % :partners)
                from generate_series(0, :leads - 1) g""")
                .param("offered", offered.leadId).param("accepted", accepted.leadId)
                .param("partners", partners.size()).param("leads", LEADS).update();
        jdbc.sql("""
                insert into account (name, domain, industry, country, region, employees, annual_revenue, created_at, updated_at)
                select 'Memory ' || c.n, 'memory-' || c.n || '.example', a.industry, a.country, a.region, a.employees,
                       a.annual_revenue, a.created_at, a.updated_at
                from memory_copy c join lead l on l.id = c.template join account a on a.id = l.account_id""").update();
        jdbc.sql("""
                insert into contact (account_id, first_name, last_name, email, phone, title, created_at, updated_at)
                select a.id, p.first_name, p.last_name, 'pat.' || c.n || '@memory-' || c.n || '.example', p.phone, p.title,
                       p.created_at, p.updated_at
                from memory_copy c join lead l on l.id = c.template join contact p on p.id = l.contact_id
                join account a on a.domain = 'memory-' || c.n || '.example'""").update();
        jdbc.sql("""
                insert into lead (source, external_id, campaign, product, score, notes, account_id, contact_id, status,
                                  segment, grade, route, partner_id, rep_username, protected_account, attempt_count,
                                  sla_kind, sla_due_at, outcome_reason, created_at, updated_at)
                select l.source, 'memory-' || c.n, l.campaign, l.product, l.score, l.notes, a.id, p.id, l.status,
                       l.segment, l.grade, l.route, c.partner_id,
                       case when l.rep_username is null then null
                            else (select min(username) from partner_rep r where r.partner_id = c.partner_id) end,
                       l.protected_account, l.attempt_count, l.sla_kind, l.sla_due_at, l.outcome_reason, l.created_at,
                       l.updated_at
                from memory_copy c join lead l on l.id = c.template
                join account a on a.domain = 'memory-' || c.n || '.example'
                join contact p on p.email = 'pat.' || c.n || '@memory-' || c.n || '.example'""").update();
        jdbc.sql("""
                insert into lead_event (lead_id, type, occurred_at, actor, partner_id, detail, on_time, reason)
                select n.id, e.type, e.occurred_at,
                       case when e.actor = t.rep_username then n.rep_username else e.actor end,
                       case when e.partner_id is null then null else c.partner_id end, e.detail, e.on_time, e.reason
                from memory_copy c join lead n on n.external_id = 'memory-' || c.n
                join lead t on t.id = c.template join lead_event e on e.lead_id = t.id""").update();
        jdbc.sql("""
                insert into lead_offer (lead_id, partner_id, attempt, offered_at, accept_due_at, outcome, closed_at, close_reason)
                select n.id, c.partner_id, o.attempt, o.offered_at, o.accept_due_at, o.outcome, o.closed_at, o.close_reason
                from memory_copy c join lead n on n.external_id = 'memory-' || c.n
                join lead_offer o on o.lead_id = c.template""").update();
        // Only the tables loaded here: statistics of the engine's tables taken now (2 instances) would make
        // PostgreSQL plan every foreign key check on act_ru_execution as a sequential scan for the rest of the run.
        jdbc.sql("analyze account, contact, lead, lead_event, lead_offer").update();
        List<long[]> copies = jdbc.sql("""
                select n.id, case when c.template = :offered then 0 else 1 end, c.n % :partners, c.n
                from memory_copy c join lead n on n.external_id = 'memory-' || c.n order by c.n""")
                .param("offered", offered.leadId).param("partners", partners.size())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).list();
        jdbc.sql("drop table memory_copy").update();
        jdbc.sql("drop table memory_partner").update();
        return copies;
    }

    /** A process instance per copy, at its template's wait states, in parallel batches of one transaction each. */
    private void startInstances(List<long[]> copies, Template offered, Template accepted, List<String> partners,
            List<String> reps) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < copies.size(); from += BATCH) {
                List<long[]> batch = copies.subList(from, Math.min(copies.size(), from + BATCH));
                batches.add(threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                    for (long[] copy : batch) {
                        Template template = copy[1] == 0 ? offered : accepted;
                        int p = (int) copy[2];
                        start(copy[0], copy[3], template, partners.get(p), reps.get(p));
                    }
                })));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    private void start(long leadId, long n, Template template, String partner, String rep) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : template.variables.keySet()) {
            TypedValue value = template.variables.getValueTyped(name);
            Object raw = value.getValue();
            if (raw instanceof String text && (text.equals(template.partner) || text.equals(template.rep))) {
                variables.put(name, Variables.stringValue(text.equals(template.partner) ? partner : rep));
            } else {
                variables.put(name, value);
            }
        }
        variables.put(LeadVariables.LEAD_ID, Variables.longValue(leadId));
        variables.put(LeadVariables.ACCOUNT_NAME, Variables.stringValue("Memory " + n));
        variables.put(LeadVariables.ACCOUNT_DOMAIN, Variables.stringValue("memory-" + n + ".example"));
        // Routing hands the offered partners on without storing them (OfferedPartnerList).
        variables.put(LeadVariables.OFFERED_PARTNERS, Variables.stringValue(partner, true));
        ProcessInstantiationBuilder builder = engine.getRuntimeService()
                .createProcessInstanceByKey(LeadVariables.PROCESS_KEY).businessKey(Long.toString(leadId))
                .setVariables(variables);
        for (String activity : template.activities) {
            builder.startBeforeActivity(activity);
        }
        builder.execute();
    }

    /** What a vendor and a partner do on a normal day, through HTTP. */
    private void use(ApiClient admin, ApiClient marketing, List<String> partners) {
        expectOk(admin.get("/api/leads"));
        expectOk(admin.get("/api/leads?status=OFFERED&size=100"));
        expectOk(admin.get("/api/leads?status=ACCEPTED&page=400&size=100"));
        expectOk(admin.get("/api/leads?partner=" + partners.get(0) + "&size=100"));
        Response csv = admin.get("/api/leads", "text/csv");
        expectOk(csv);
        print("lead CSV export: %,d lines, %,d characters", csv.body().lines().count(), csv.body().length());
        for (String report : List.of("pipeline", "funnel", "sla", "sla/weekly", "campaigns", "leaderboard", "fairness",
                "partners/" + partners.get(0))) {
            expectOk(admin.get("/api/reports/" + report));
        }
        expectOk(admin.get("/api/me"));
        // One new lead routed among the partners, all of them holding their share of the open leads.
        Response created = marketing.post("/api/leads", fixtures.partnerLead("US"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        driver.runDueJobs();
        print("the new lead %d is %s", created.json().path("id").asLong(),
                fixtures.lead(created.json().path("id").asLong()).status());
    }

    private static void expectOk(Response response) {
        assertThat(response.status()).as(response.status() + " " + response.body().substring(0,
                Math.min(300, response.body().length()))).isEqualTo(200);
    }

    /** Heap after a full GC, and the process's resident set. */
    record Memory(long heapUsed, long heapCommitted, long nonHeapUsed, long rssKb) {

        static Memory measure() throws IOException {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            memory.gc();
            memory.gc();
            MemoryUsage heap = memory.getHeapMemoryUsage();
            return new Memory(heap.getUsed(), heap.getCommitted(), memory.getNonHeapMemoryUsage().getUsed(),
                    residentKb());
        }

        private static long residentKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        }

        @Override
        public String toString() {
            return String.format("heap used %,d MB, heap committed %,d MB, non-heap used %,d MB, RSS %,d MB",
                    heapUsed >> 20, heapCommitted >> 20, nonHeapUsed >> 20, rssKb >> 10);
        }
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println("BENCHMARK memory " + String.format(format, args));
    }
}
