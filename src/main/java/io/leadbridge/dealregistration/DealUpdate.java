package io.leadbridge.dealregistration;

import io.leadbridge.web.MultiLineText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the registering partner posts to {@code /api/deals/{id}/updates}: where the deal stands. */
public record DealUpdate(@NotBlank @Size(max = 2000) @MultiLineText String note) {
}
