/**
 * Working calendars and working-time SLA clocks: when a partner (or the vendor) works, in which
 * time zone, on which days and hours, which public holidays of its country and region it keeps
 * (from the Jollyday holiday library) and which days the partner has closed itself. Routing, the
 * lifecycle, support requests, contact checks and reports ask it for due instants and for working
 * time between two instants; it depends on the partner records only.
 */
package io.leadbridge.calendar;
