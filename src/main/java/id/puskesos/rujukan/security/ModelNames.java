package id.puskesos.rujukan.security;

import java.util.List;

/**
 * The model names the grants and the Tasklist filters need: process ids and the partners' task ids. The package that
 * names the models provides them ({@code process/SecurityModelNames}) from its constants, so security names no model
 * element itself and does not depend on that package.
 *
 * @param puskesosProcesses the processes Puskesos staff work on, case by case
 * @param reportingProcesses the Puskesos's own reporting: every Puskesos group follows them, the koordinator starts
 *     them
 * @param followedProcesses processes the Puskesos follows but does not work (a health worker's or Babinsa's opinion)
 * @param partnerTasks the tasks a case waits on a partner for (the "Menunggu mitra" filter)
 */
public record ModelNames(List<String> puskesosProcesses, List<String> reportingProcesses,
    List<String> followedProcesses, List<String> partnerTasks) {
}
