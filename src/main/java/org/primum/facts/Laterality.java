package org.primum.facts;

public enum Laterality {
    LEFT, RIGHT, BILATERAL;

    public Laterality opposite() {
        return switch (this) {
            case LEFT -> RIGHT;
            case RIGHT -> LEFT;
            case BILATERAL -> BILATERAL;
        };
    }
}
