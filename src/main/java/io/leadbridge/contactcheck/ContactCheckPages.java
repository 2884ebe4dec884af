package io.leadbridge.contactcheck;

import org.springframework.web.util.HtmlUtils;

/**
 * The customer's pages: small, self-contained HTML (no scripts, no external assets). They show the
 * partner's name and the product, escaped, and nothing else about the lead. Forms post to paths
 * relative to the page, so the pages work under any public base address.
 */
final class ContactCheckPages {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:34rem;margin:3rem auto;\
            padding:0 1.2rem;color:#1f2933;line-height:1.5}
            h1{font-size:1.4rem;font-weight:600}
            form{display:inline}
            button{font:inherit;padding:.6rem 1.5rem;margin:.4rem .6rem .4rem 0;border-radius:.4rem;\
            border:1px solid #52606d;background:#fff;color:#1f2933;cursor:pointer}
            button.yes{background:#1d4ed8;border-color:#1d4ed8;color:#fff}
            .aside{margin-top:2.5rem;font-size:.85rem;color:#616e7c}
            .aside button{font-size:.85rem;padding:.2rem .7rem}""";

    private ContactCheckPages() {
    }

    /** The question, with Yes and No; {@code suggested} (from the mail's link) is focused first. */
    static String question(String token, String partnerName, String product, CustomerAnswer suggested) {
        String ask = "Has " + escape(partnerName) + " contacted you about " + escape(product) + "?";
        return page("Has " + escape(partnerName) + " contacted you?", """
                <h1>%s</h1>
                <p>We asked %s to get in touch with you. Please tell us whether they did.</p>
                <form method="post" action="%s"><input type="hidden" name="answer" value="yes">\
                <button class="yes" type="submit"%s>Yes, they have</button></form>
                <form method="post" action="%s"><input type="hidden" name="answer" value="no">\
                <button type="submit"%s>No, nobody has</button></form>
                <div class="aside">Rather not be asked such questions? \
                <form method="post" action="%s"><button type="submit">Don't ask me again</button></form></div>
                """.formatted(ask, escape(partnerName), self(token), suggested == CustomerAnswer.YES ? " autofocus" : "",
                self(token), suggested == CustomerAnswer.NO ? " autofocus" : "", optOut(token)));
    }

    /** The answer is recorded. */
    static String thanks(String token, CustomerAnswer answer) {
        return page("Thank you", """
                <h1>Thank you</h1>
                <p>%s</p>
                <div class="aside">Rather not be asked such questions? \
                <form method="post" action="%s"><button type="submit">Don't ask me again</button></form></div>
                """.formatted(answer == CustomerAnswer.YES ? "We are glad to hear it."
                        : "We are sorry nobody got in touch. We will look into it.", optOut(token)));
    }

    static String alreadyAnswered(String token) {
        return page("Already answered", """
                <h1>You have already answered</h1>
                <p>Thank you. Your first answer stands.</p>
                <div class="aside">Rather not be asked such questions? \
                <form method="post" action="%s"><button type="submit">Don't ask me again</button></form></div>
                """.formatted(optOut(token)));
    }

    /** Confirms the opt-out of the mail's link: a link only shows this, the button does it. */
    static String confirmOptOut() {
        return page("Stop these questions", """
                <h1>Stop these questions?</h1>
                <p>We will not ask you again whether one of our partners contacted you.</p>
                <form method="post" action=""><button type="submit">Don't ask me again</button></form>
                """);
    }

    static String optedOut() {
        return page("You will not be asked again", """
                <h1>You will not be asked again</h1>
                <p>We have noted that you do not want questions like this one.</p>
                """);
    }

    static String chooseAnswer(String token) {
        return page("Please choose an answer", """
                <h1>Please choose Yes or No</h1>
                <p><a href="%s">Back to the question</a></p>
                """.formatted(self(token)));
    }

    static String expired() {
        return page("This link has expired", """
                <h1>This link has expired</h1>
                <p>The question is closed. Thank you all the same.</p>
                """);
    }

    static String invalid() {
        return page("Link not valid", """
                <h1>This link is not valid</h1>
                <p>Please use the link from the e-mail exactly as it was sent.</p>
                """);
    }

    static String failed() {
        return page("Please try again later", """
                <h1>Something went wrong</h1>
                <p>Your answer could not be recorded just now. Please try the link again later.</p>
                """);
    }

    /** The page's own address, relative to itself: the last path segment is the token. */
    private static String self(String token) {
        return escape(token);
    }

    private static String optOut(String token) {
        return escape(token) + "/opt-out";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex, nofollow">
                <title>%s</title>
                <style>
                %s
                </style>
                </head>
                <body>
                %s</body>
                </html>
                """.formatted(title, STYLE, body);
    }
}
