package org.familystation.events.needs;

/**
 * Everything that can happen to a needs survey (需求调研). Like service records, a survey is never edited in place:
 * a correction or a voiding is a new fact that points at it.
 */
public sealed interface NeedsSurveyEvent permits NeedsSurveyRecorded, NeedsSurveyCorrected, NeedsSurveyVoided {

    String surveyId();

    String communityHomeId();
}
