package io.leadbridge.contactcheck;

import io.leadbridge.contactcheck.CustomerAnswers.CustomerLink;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's links, open without a login: the signed token in the path is the only key, and
 * it opens this one question. GET only shows (mail scanners open links); POST answers or opts
 * out. A token that is not ours gets 404, an expired one 410, a second answer 409; none of them
 * says more than that.
 */
@Controller
@RequestMapping(ContactChecks.PUBLIC_PATH + "{token}")
class PublicContactCheckController {

    private static final Logger log = LoggerFactory.getLogger(PublicContactCheckController.class);

    private final CustomerAnswers answers;

    PublicContactCheckController(CustomerAnswers answers) {
        this.answers = answers;
    }

    @GetMapping
    ResponseEntity<String> question(@PathVariable String token, @RequestParam(required = false) String answer) {
        CustomerLink link = answers.look(token);
        return switch (link.state()) {
            case OPEN -> page(HttpStatus.OK, ContactCheckPages.question(token, link.partnerName(), link.product(),
                    CustomerAnswer.parse(answer).orElse(null)));
            default -> refusal(token, link);
        };
    }

    @PostMapping
    ResponseEntity<String> answer(@PathVariable String token, @RequestParam(required = false) String answer) {
        Optional<CustomerAnswer> chosen = CustomerAnswer.parse(answer);
        if (chosen.isEmpty()) {
            CustomerLink link = answers.look(token);
            return link.state() == CustomerAnswers.LinkState.OPEN
                    ? page(HttpStatus.BAD_REQUEST, ContactCheckPages.chooseAnswer(token)) : refusal(token, link);
        }
        CustomerLink link = answers.answer(token, chosen.get());
        return link.state() == CustomerAnswers.LinkState.DONE
                ? page(HttpStatus.OK, ContactCheckPages.thanks(token, chosen.get())) : refusal(token, link);
    }

    @GetMapping("/opt-out")
    ResponseEntity<String> confirmOptOut(@PathVariable String token) {
        CustomerLink link = answers.look(token);
        return switch (link.state()) {
            case OPEN, ANSWERED -> page(HttpStatus.OK, ContactCheckPages.confirmOptOut());
            default -> refusal(token, link);
        };
    }

    @PostMapping("/opt-out")
    ResponseEntity<String> optOut(@PathVariable String token) {
        CustomerLink link = answers.optOut(token);
        return link.state() == CustomerAnswers.LinkState.DONE
                ? page(HttpStatus.OK, ContactCheckPages.optedOut()) : refusal(token, link);
    }

    /** Whatever failed, the customer sees a plain page; the reason goes to the log only. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception e) {
        log.error("customer contact check page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, ContactCheckPages.failed());
    }

    private static ResponseEntity<String> refusal(String token, CustomerLink link) {
        return switch (link.state()) {
            case ANSWERED -> page(HttpStatus.CONFLICT, ContactCheckPages.alreadyAnswered(token));
            case EXPIRED -> page(HttpStatus.GONE, ContactCheckPages.expired());
            default -> page(HttpStatus.NOT_FOUND, ContactCheckPages.invalid());
        };
    }

    /**
     * Never cached, never sent on as a referrer (the token is in the address), not indexed, and
     * allowed no script, frame or resource from anywhere.
     */
    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
                .body(html);
    }
}
