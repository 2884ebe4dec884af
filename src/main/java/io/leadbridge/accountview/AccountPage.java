package io.leadbridge.accountview;

import java.util.List;

/** One page of accounts, by name; {@code total} counts every match. */
public record AccountPage(List<AccountSummary> items, int page, int size, long total) {

    /** An account in a list: the company, and how many of its leads and won deals the caller may see. */
    public record AccountSummary(long id, String name, String domain, String country, String industry, long leads,
            long wonDeals) {
    }
}
