package io.leadbridge.lead;

import java.time.Instant;

/** The partner holding an open offer of the lead was reminded to accept it by {@code acceptDueAt}. */
public record AcceptReminded(Lead lead, String partnerId, Instant acceptDueAt) {
}
