package io.leadbridge.standing;

import io.leadbridge.partner.Standing;


/** The table's answer: the standing the strikes call for, and the probation of a suspension (null: none). */
public record StandingVerdict(Standing standing, String probation) {
}
