package org.familystation.events.common;

/** The national social-work qualification (社会工作者职业水平) a social worker holds. */
public enum SocialWorkerQualification {
    ASSISTANT_SOCIAL_WORKER("助理社会工作师"),
    SOCIAL_WORKER("社会工作师"),
    SENIOR_SOCIAL_WORKER("高级社会工作师");

    private final String label;

    SocialWorkerQualification(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
