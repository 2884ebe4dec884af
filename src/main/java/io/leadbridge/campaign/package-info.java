/**
 * Marketing campaigns and their cost, and their API.
 */
@ApplicationModule(displayName = "Campaigns")
package io.leadbridge.campaign;

import org.springframework.modulith.ApplicationModule;
