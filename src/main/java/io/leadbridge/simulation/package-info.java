/**
 * The what-if replay of rule changes over past leads ({@code POST /api/routing/simulations}).
 */
@ApplicationModule(displayName = "Routing simulation")
package io.leadbridge.simulation;

import org.springframework.modulith.ApplicationModule;
