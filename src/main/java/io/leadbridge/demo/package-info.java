/**
 * Demo partners, users, campaigns and leads walked through the lifecycle (profile {@code demo}).
 */
@ApplicationModule(displayName = "Demo data")
package io.leadbridge.demo;

import org.springframework.modulith.ApplicationModule;
