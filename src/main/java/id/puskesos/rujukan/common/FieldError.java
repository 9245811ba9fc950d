package id.puskesos.rujukan.common;

/** One rejected input field and why, in Bahasa Indonesia. */
public record FieldError(String field, String message) {
}
