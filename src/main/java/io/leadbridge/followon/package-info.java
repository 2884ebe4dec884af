/**
 * Follow-on leads ("buy again"): after a product is won, the {@code followOn} table
 * (decisions/follow-on.dmn, read by {@code accountview.FollowOnRules}) names what the customer
 * buys next and when; once that is due on the engine's clock, {@code FollowOnLeads} creates a lead
 * for the account's contact through the normal intake, recorded once per won lead, product bought
 * and follow-on product in {@code lead.FollowOnLog}, with the partner that won the account
 * protected on it for the table's period (account protection reads that record).
 * {@code FollowOnCheck} looks for due follow-ons at a fixed interval on every node.
 */
@ApplicationModule(displayName = "Follow-on leads")
package io.leadbridge.followon;

import org.springframework.modulith.ApplicationModule;
