package io.leadbridge.lifecycle;

import io.leadbridge.lead.LeadRepository;
import io.leadbridge.prospect.Contact;
import io.leadbridge.prospect.ProspectRepository;
import io.leadbridge.taskform.ShownFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The prospect's contact person on the forms of the rep who holds the lead ("Contact the prospect",
 * "Report progress or close the deal"), read from the prospect's record whenever the form is opened.
 * Never a process variable: a prospect's name, e-mail and phone stay out of the engine and its history.
 */
@Component
class ProspectContactOnForms implements ShownFacts {

    static final String CONTACT_NAME = "contactName";
    static final String CONTACT_EMAIL = "contactEmail";
    static final String CONTACT_PHONE = "contactPhone";
    static final String CONTACT_TITLE = "contactTitle";
    /** The form keys that showed the contact when it was still kept in process variables. */
    static final List<String> KEYS = List.of(CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE, CONTACT_TITLE);

    private static final Set<String> STEPS_OF_THE_HOLDER = Set.of(TaskCompletionListener.CONTACT_PROSPECT,
            TaskCompletionListener.REPORT_PROGRESS);

    private final LeadRepository leads;
    private final ProspectRepository prospects;

    ProspectContactOnForms(LeadRepository leads, ProspectRepository prospects) {
        this.leads = leads;
        this.prospects = prospects;
    }

    @Override
    public Map<String, String> shownOn(DelegateTask task) {
        if (!STEPS_OF_THE_HOLDER.contains(task.getTaskDefinitionKey())) {
            return Map.of();
        }
        Contact contact = prospects.contact(leads.get(LeadVariables.leadId(task)).contactId());
        Map<String, String> facts = new HashMap<>();
        facts.put(CONTACT_NAME, contact.fullName());
        facts.put(CONTACT_EMAIL, contact.email());
        facts.put(CONTACT_PHONE, contact.phone());
        facts.put(CONTACT_TITLE, contact.title());
        return facts;
    }
}
