package io.leadbridge.supportrequest;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The {@code support_request} table. */
interface SupportRequestRepository extends ListCrudRepository<SupportRequest, String> {

    List<SupportRequest> findByLeadIdOrderByRequestedAtAscIdAsc(long leadId);

    /**
     * Answers an open request; false if it was answered already. By hand because the check and
     * the change must be one statement: read, compare and save would let two answers given at
     * the same moment (a reviewer and an escalation's director) both win.
     */
    @Modifying
    @Query("""
            update support_request set status = :status, answer = :answer, answered_at = :answeredAt,
                answered_by = :answeredBy
            where id = :id and status = 'OPEN'""")
    boolean answer(String id, SupportStatus status, String answer, Instant answeredAt, String answeredBy);
}
