/**
 * Mails: composed when a step happens ({@code Notifier}), stored, queued by the send steps and sent
 * on threads of their own.
 */
@ApplicationModule(displayName = "Notifications")
package io.leadbridge.notification;

import org.springframework.modulith.ApplicationModule;
