package org.familystation.platform.web;

import org.familystation.platform.error.ProblemDetailsAdvice;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** The HTTP conventions both sides share: problem details for every error. */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class WebConfiguration {
}
