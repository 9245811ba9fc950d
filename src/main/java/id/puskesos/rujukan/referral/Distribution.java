package id.puskesos.rujukan.referral;

import java.time.LocalDate;

/**
 * One handover of aid for one program: money ({@code amount}, rupiah) and/or goods ({@code items} described,
 * {@code quantity} in the program's unit), where, by whom, with which proof, and whether it was the last one.
 */
public record Distribution(LocalDate distributedOn, Long amount, String items, Long quantity, String place,
    String handedOverBy, String proofReference, boolean receiptConfirmed, boolean last) {
}
