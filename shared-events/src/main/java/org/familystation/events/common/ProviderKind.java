package org.familystation.events.common;

/** Who delivered a service: "federation staff + social workers + volunteers", or an alliance member. */
public enum ProviderKind {
    ALLIANCE_MEMBER("联盟成员"),
    FEDERATION_STAFF("妇女工作者"),
    SOCIAL_WORKER("社工"),
    VOLUNTEERS("巾帼志愿者");

    private final String label;

    ProviderKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
