package id.puskesos.rujukan.proposal;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * National proposals ({@code rujukan.proposal}). {@code decisionDueAfter}: how long after its period ends a proposal's
 * decision list is due before the back office and Dinas Sosial are reminded (a local setting: the ministry publishes
 * no fixed date); {@code regionCode} (the kelurahan's Kemendagri region code, set by the operator), {@code kecamatan},
 * {@code kabupatenKota}, {@code provinsi}: the region the batch file names; {@code backgroundFrom}: a decision list of this many rows or more
 * moves its cases in the background (an engine batch, docs/operations.md), a shorter one before the import answers.
 */
@ConfigurationProperties("rujukan.proposal")
public record ProposalSettings(@DefaultValue("P30D") Period decisionDueAfter, @DefaultValue("") String regionCode,
    @DefaultValue("Coblong") String kecamatan, @DefaultValue("Kota Bandung") String kabupatenKota,
    @DefaultValue("Jawa Barat") String provinsi, @DefaultValue("200") int backgroundFrom) {
}
