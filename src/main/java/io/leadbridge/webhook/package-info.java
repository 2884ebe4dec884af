/**
 * Partners' outbound webhooks: the API, a delivery per subscribed webhook when a lead is offered,
 * withdrawn or reminded (heard as lead events), and the worker that signs and POSTs them.
 */
@ApplicationModule(displayName = "Webhooks")
package io.leadbridge.webhook;

import org.springframework.modulith.ApplicationModule;
