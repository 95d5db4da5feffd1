package io.eventrouter.admin;

import java.util.List;

/**
 * The outcome of a configuration change.
 *
 * @param applied keys now in effect
 * @param restartRequired keys saved for the next start, not in effect yet
 */
public record ConfigUpdate(List<String> applied, List<String> restartRequired) {

    public ConfigUpdate {
        applied = List.copyOf(applied);
        restartRequired = List.copyOf(restartRequired);
    }
}
