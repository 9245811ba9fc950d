package id.puskesos.rujukan.referral;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Aid handed over to the resident for one program. */
public record Distribution(LocalDate distributedOn, BigDecimal amount, String items, String proofReference) {
}
