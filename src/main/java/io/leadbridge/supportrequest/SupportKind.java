package io.leadbridge.supportrequest;

/** What a rep asks the vendor for on a lead. */
public enum SupportKind {
    SPECIAL_PRICING, TECHNICAL_PRESALES, OTHER
}
