package id.puskesos.rujukan.distribution;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.ApiRequestGuard;
import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.common.FileTooLargeException;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.HandoverProofs;
import id.puskesos.rujukan.referral.ProgramReferral;

/**
 * Photos and scans of a handover's receipt, kept with the case ({@link HandoverProofs}), never in the engine. Attached
 * by whoever records the program's handover ({@code task_distributeAid}: the staff of the program's partner, or an
 * administrator) once the partner accepted the program; read by whoever may see that program of the case
 * ({@link CaseAccess}). The file's type is what its first bytes are (JPEG, PNG or PDF), not what the client calls it;
 * the bytes are kept as received.
 */
@Service
@Transactional
public class HandoverProofService {

  /** The kinds of file a proof may be, by their signature. */
  enum FileType {
    JPEG("image/jpeg", "jpg", "foto JPEG", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", "foto PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    PDF("application/pdf", "pdf", "PDF", new byte[] {'%', 'P', 'D', 'F', '-'});

    final String contentType;
    final String extension;
    final String label;
    private final byte[] signature;

    FileType(String contentType, String extension, String label, byte[] signature) {
      this.contentType = contentType;
      this.extension = extension;
      this.label = label;
      this.signature = signature;
    }

    /** The type the bytes begin with; empty for anything else (text, HTML, SVG, HEIC, an executable). */
    static Optional<FileType> of(byte[] bytes) {
      return Arrays.stream(values()).filter(t -> bytes.length > t.signature.length
          && Arrays.equals(bytes, 0, t.signature.length, t.signature, 0, t.signature.length)).findFirst();
    }

    static FileType ofContentType(String contentType) {
      return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst().orElseThrow();
    }
  }

  /** A proof's file as served: its bytes, type, and a file name for the browser. */
  public record File(byte[] bytes, String contentType, String fileName, boolean image) {
  }

  static final String FIELD = "file";

  private final CaseFile caseFile;
  private final HandoverProofs proofs;
  private final ProgramCatalogue catalogue;
  private final CaseAccess caseAccess;
  private final CommandAuthority authority;
  private final long maxBytes;

  public HandoverProofService(CaseFile caseFile, HandoverProofs proofs, ProgramCatalogue catalogue,
      CaseAccess caseAccess, CommandAuthority authority, @Value(ApiRequestGuard.PROOF_MAX_BYTES) DataSize maxBytes) {
    this.caseFile = caseFile;
    this.proofs = proofs;
    this.catalogue = catalogue;
    this.caseAccess = caseAccess;
    this.authority = authority;
    this.maxBytes = maxBytes.toBytes();
  }

  /**
   * Attaches a proof to the case's program. 404 when the caller may not see the case or program, 403 when the
   * caller does not record its handovers, 409 before the partner accepted it, 400 for a file that is no JPEG, PNG or
   * PDF, 413 over the limit.
   */
  public HandoverProofs.Proof attach(String number, String programCode, byte[] bytes, String actor) {
    ProgramReferral referral = visibleProgram(number, programCode);
    Program program = catalogue.program(programCode);
    authority.requirePartnerStaff("Melampirkan bukti penyerahan " + program.name(), program);
    if (!referral.status().approvedForHandover()) {
      throw new ConflictException("Bukti penyerahan hanya untuk program yang telah disetujui mitra; %s: %s"
          .formatted(program.name(), referral.status().label()));
    }
    if (bytes.length > maxBytes) {
      throw new FileTooLargeException(maxBytes);
    }
    FileType type = FileType.of(bytes)
        .orElseThrow(() -> new InvalidInputException(FIELD, "Berkas harus foto (JPEG/PNG) atau PDF"));
    HandoverProofs.Proof proof = proofs.add(number, programCode, type.contentType, bytes, sha256(bytes), actor);
    caseFile.record(number, EventType.HANDOVER_PROOF_ATTACHED, actor,
        "Bukti penyerahan %s dilampirkan (%s, %s)".formatted(program.name(), type.label, size(bytes.length)));
    return proof;
  }

  /** A proof's file, for whoever may see the program of the case; 404 otherwise. */
  @Transactional(readOnly = true)
  public File read(String number, String programCode, long id) {
    visibleProgram(number, programCode);
    HandoverProofs.Content content = proofs.content(number, programCode, id)
        .orElseThrow(() -> new NotFoundException("Bukti penyerahan %d tidak ditemukan".formatted(id)));
    FileType type = FileType.ofContentType(content.contentType());
    return new File(content.bytes(), type.contentType,
        "bukti-penyerahan-%s-%s-%d.%s".formatted(number, programCode, id, type.extension), type != FileType.PDF);
  }

  private ProgramReferral visibleProgram(String number, String programCode) {
    CaseAccess.Scope scope = caseAccess.require(number);
    caseFile.get(number);
    return caseFile.programs(number).stream()
        .filter(p -> p.programCode().equals(programCode) && scope.sees(p.partnerCode())).findFirst()
        .orElseThrow(() -> new NotFoundException("Rujukan %s tidak dirujuk ke program %s".formatted(number,
            programCode)));
  }

  private static String size(long bytes) {
    return bytes >= 1024 * 1024 ? String.format(Locale.forLanguageTag("id"), "%.1f MB", bytes / 1024.0 / 1024.0)
        : bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " byte";
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
