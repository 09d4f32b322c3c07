"""studybot: a study companion for groups learning the math behind machine learning."""
