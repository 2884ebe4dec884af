package io.leadbridge.routing;

/** What the {@code leadQualification} table says about a lead. */
public record Qualification(String segment, String grade, Route route) {

    /** Where a qualified lead goes next. */
    public enum Route { PARTNER, INSIDE_SALES, NURTURE, DISQUALIFY }
}
