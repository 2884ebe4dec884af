package io.leadbridge.intake;

import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/leads/import}: a CSV file of leads, as the body ({@code text/csv}) or as the
 * part {@code file} of a form upload. Same callers as {@code POST /api/leads}. Answers 200 with
 * what became of every row.
 */
@RestController
class LeadImportController {

    static final String PATH = "/api/leads/import";

    private final LeadImport imports;
    private final CallerProvider callers;
    private final LeadImportProperties limits;

    LeadImportController(LeadImport imports, CallerProvider callers, LeadImportProperties limits) {
        this.imports = imports;
        this.callers = callers;
        this.limits = limits;
    }

    @PostMapping(path = PATH, consumes = "text/csv")
    LeadImport.Summary importBody(HttpServletRequest request) throws IOException {
        Caller caller = importer();
        checkSize(request.getContentLengthLong());
        // Read twice (check, then import): the body is kept in a temporary file meanwhile.
        Path file = Files.createTempFile("lead-import-", ".csv");
        try {
            spool(request.getInputStream(), file);
            return imports.run(() -> Files.newInputStream(file), caller.username());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    LeadImport.Summary importUpload(@RequestParam("file") MultipartFile file) {
        Caller caller = importer();
        checkSize(file.getSize());
        return imports.run(file::getInputStream, caller.username());
    }

    private Caller importer() {
        Caller caller = callers.current();
        if (caller.isPartnerUser()) {
            throw ApiException.forbidden("partner users cannot import leads");
        }
        return caller;
    }

    private void checkSize(long bytes) {
        if (bytes > limits.maxFileSize().toBytes()) {
            throw tooLarge();
        }
    }

    private ApiException tooLarge() {
        return ApiException.tooLarge("the file is larger than " + limits.maxFileSize().toMegabytes()
                + " MB; split it into smaller files");
    }

    /** Copies the body to the file, refusing it as soon as it grows past the limit (a body sent without a length). */
    private void spool(InputStream body, Path file) {
        long max = limits.maxFileSize().toBytes();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                total += n;
                if (total > max) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
