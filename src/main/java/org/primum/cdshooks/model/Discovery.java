package org.primum.cdshooks.model;

import java.util.List;

/** The discovery response: {@code {"services": [...]}}. */
public record Discovery(List<ServiceDescriptor> services) {
}
