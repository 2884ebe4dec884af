package io.leadbridge.opportunity;

/** Why a lead or deal was lost: a fixed list, so that reports can count them. */
public enum LostReason {
    NO_BUDGET, CHOSE_COMPETITOR, NO_DECISION, NOT_A_FIT, UNREACHABLE, DUPLICATE, OTHER
}
