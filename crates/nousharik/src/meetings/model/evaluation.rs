//! Knowledge tests (pre-test and post-test from a question bank), the gain they measure, the
//! satisfaction form, and who gets a certificate.

use serde::{Deserialize, Serialize};

use super::{CertificateCriteria, coded_enum};

coded_enum!(
    /// Which of a training's two tests.
    TestPhase {
        /// Before the training.
        Pre => "pre",
        /// After the training.
        Post => "post",
    }
);

/// A multiple-choice question of the bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Bank id.
    pub id: i64,
    /// The question.
    pub prompt: String,
    /// The choices, in the order shown.
    pub choices: Vec<String>,
    /// Index of the right choice.
    pub correct: usize,
}

/// Why a question for the bank was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum QuestionError {
    /// Empty or overlong prompt.
    #[error("invalid prompt")]
    Prompt,
    /// Fewer than 2 or more than 6 non-empty choices.
    #[error("invalid choices")]
    Choices,
    /// The right answer is not one of the choices.
    #[error("invalid correct choice")]
    Correct,
}

impl QuestionError {
    /// The message key.
    pub fn key(self) -> &'static str {
        match self {
            QuestionError::Prompt => "meetings-error-question-prompt",
            QuestionError::Choices => "meetings-error-question-choices",
            QuestionError::Correct => "meetings-error-question-correct",
        }
    }
}

impl Question {
    /// Checks a question: a prompt, 2–6 non-empty choices (blank lines dropped), a right answer
    /// among them.
    pub fn new(
        id: i64,
        prompt: &str,
        choices: &[String],
        correct: usize,
    ) -> Result<Self, QuestionError> {
        let prompt = prompt.trim();
        if prompt.is_empty() || prompt.chars().count() > 1000 {
            return Err(QuestionError::Prompt);
        }
        let choices: Vec<String> = choices
            .iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        if !(2..=6).contains(&choices.len()) || choices.iter().any(|c| c.chars().count() > 300) {
            return Err(QuestionError::Choices);
        }
        if correct >= choices.len() {
            return Err(QuestionError::Correct);
        }
        Ok(Question {
            id,
            prompt: prompt.to_string(),
            choices,
            correct,
        })
    }
}

/// Why a test answer sheet was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// A question was left unanswered.
    #[error("unanswered question")]
    Unanswered,
    /// A choice that does not exist (forged form).
    #[error("invalid choice")]
    InvalidChoice,
    /// Taken already.
    #[error("already taken")]
    AlreadyTaken,
    /// Only attendees take the post-test; the pre-test only before the post-test.
    #[error("not allowed now")]
    NotNow,
}

impl AnswerError {
    /// The message key.
    pub fn key(self) -> &'static str {
        match self {
            AnswerError::Unanswered => "meetings-error-unanswered",
            AnswerError::InvalidChoice => "meetings-error-invalid-choice",
            AnswerError::AlreadyTaken => "meetings-error-test-taken",
            AnswerError::NotNow => "meetings-error-test-not-now",
        }
    }
}

/// A scored test: right answers out of the questions asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Score {
    /// Right answers.
    pub correct: i64,
    /// Questions asked.
    pub total: i64,
}

impl Score {
    /// The score in hundredths of a percent (0–10 000), so gains average without floats.
    pub fn basis_points(self) -> i64 {
        if self.total == 0 {
            0
        } else {
            self.correct * 10_000 / self.total
        }
    }

    /// Whole percent, rounded down.
    pub fn percent(self) -> i64 {
        self.basis_points() / 100
    }
}

/// Scores one answer sheet (one choice index per question, in order).
pub fn score(questions: &[Question], answers: &[Option<usize>]) -> Result<Score, AnswerError> {
    let mut correct = 0;
    for (i, q) in questions.iter().enumerate() {
        let a = answers
            .get(i)
            .copied()
            .flatten()
            .ok_or(AnswerError::Unanswered)?;
        if a >= q.choices.len() {
            return Err(AnswerError::InvalidChoice);
        }
        if a == q.correct {
            correct += 1;
        }
    }
    Ok(Score {
        correct,
        total: questions.len() as i64,
    })
}

/// Whether a person may take a test now: the pre-test once, before the post-test; the
/// post-test once, and only after being checked in.
pub fn may_take(
    phase: TestPhase,
    attended: bool,
    taken_pre: bool,
    taken_post: bool,
) -> Result<(), AnswerError> {
    match phase {
        TestPhase::Pre if taken_pre => Err(AnswerError::AlreadyTaken),
        TestPhase::Pre if taken_post => Err(AnswerError::NotNow),
        TestPhase::Post if taken_post => Err(AnswerError::AlreadyTaken),
        TestPhase::Post if !attended => Err(AnswerError::NotNow),
        _ => Ok(()),
    }
}

/// Knowledge gain of one person: post-test minus pre-test, in basis points (negative when the
/// post-test went worse). `None` unless both tests were taken.
pub fn gain(pre: Option<Score>, post: Option<Score>) -> Option<i64> {
    Some(post?.basis_points() - pre?.basis_points())
}

/// Average gain over the people who took both tests, in basis points rounded half away from
/// zero; `None` when nobody did.
pub fn average_gain(gains: &[i64]) -> Option<i64> {
    if gains.is_empty() {
        return None;
    }
    let n = gains.len() as i64;
    let sum: i64 = gains.iter().sum();
    Some(if sum >= 0 {
        (2 * sum + n) / (2 * n)
    } else {
        -((-2 * sum + n) / (2 * n))
    })
}

/// The satisfaction form: four ratings from 1 (very dissatisfied) to 5 (very satisfied) and a
/// comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Satisfaction {
    /// Overall.
    pub overall: i64,
    /// Content.
    pub content: i64,
    /// Speakers or trainers.
    pub speakers: i64,
    /// Organisation and logistics.
    pub organisation: i64,
    /// Free comment (may be empty).
    pub comment: String,
}

/// The rating fields, in the order shown (codes are form names and locale keys).
pub const SATISFACTION_FIELDS: [&str; 4] = ["overall", "content", "speakers", "organisation"];

/// Why a satisfaction form was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SatisfactionError {
    /// A rating missing or outside 1–5.
    #[error("invalid rating")]
    Rating,
    /// Comment over 2 000 characters.
    #[error("comment too long")]
    CommentTooLong,
}

impl SatisfactionError {
    /// The message key.
    pub fn key(self) -> &'static str {
        match self {
            SatisfactionError::Rating => "meetings-error-rating",
            SatisfactionError::CommentTooLong => "meetings-error-comment-too-long",
        }
    }
}

impl Satisfaction {
    /// Parses the four ratings (as typed) and the comment.
    pub fn parse(ratings: [&str; 4], comment: &str) -> Result<Self, SatisfactionError> {
        let r = |s: &str| match s.trim().parse::<i64>() {
            Ok(v) if (1..=5).contains(&v) => Ok(v),
            _ => Err(SatisfactionError::Rating),
        };
        let comment = comment.trim();
        if comment.chars().count() > 2000 {
            return Err(SatisfactionError::CommentTooLong);
        }
        Ok(Satisfaction {
            overall: r(ratings[0])?,
            content: r(ratings[1])?,
            speakers: r(ratings[2])?,
            organisation: r(ratings[3])?,
            comment: comment.to_string(),
        })
    }
}

/// Summary of the overall ratings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct SatisfactionSummary {
    /// Forms received.
    pub responses: u64,
    /// Average overall rating in hundredths (e.g. 432 = 4.32 of 5).
    pub average_hundredths: Option<i64>,
    /// Share rating 4 or 5, in tenths of a percent.
    pub satisfied_permille: Option<u64>,
}

/// Summarises overall ratings (1–5).
pub fn summarise_satisfaction(overall: &[i64]) -> SatisfactionSummary {
    let n = overall.len() as i64;
    if n == 0 {
        return SatisfactionSummary::default();
    }
    let sum: i64 = overall.iter().sum();
    let satisfied = overall.iter().filter(|r| **r >= 4).count() as u64;
    SatisfactionSummary {
        responses: n as u64,
        average_hundredths: Some((200 * sum + n) / (2 * n)),
        satisfied_permille: Some((satisfied * 2000 + n as u64) / (2 * n as u64)),
    }
}

/// Why no certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CertificateError {
    /// The event issues no certificates.
    #[error("no certificates for this event")]
    NotOffered,
    /// The person was not checked in.
    #[error("not an attendee")]
    NotAttended,
    /// The post-test was not taken.
    #[error("post-test missing")]
    PostTestMissing,
    /// The post-test score is below the event's minimum.
    #[error("score too low")]
    ScoreTooLow,
}

impl CertificateError {
    /// The message key.
    pub fn key(self) -> &'static str {
        match self {
            CertificateError::NotOffered => "meetings-error-no-certificates",
            CertificateError::NotAttended => "meetings-error-not-attendee",
            CertificateError::PostTestMissing => "meetings-error-post-test-missing",
            CertificateError::ScoreTooLow => "meetings-error-score-too-low",
        }
    }
}

/// Whether a person gets a certificate.
pub fn certificate_eligibility(
    criteria: &CertificateCriteria,
    attended: bool,
    post: Option<Score>,
) -> Result<(), CertificateError> {
    if !criteria.enabled {
        return Err(CertificateError::NotOffered);
    }
    if !attended {
        return Err(CertificateError::NotAttended);
    }
    if criteria.requires_post_test || criteria.min_post_score_percent > 0 {
        let post = post.ok_or(CertificateError::PostTestMissing)?;
        if post.basis_points() < criteria.min_post_score_percent * 100 {
            return Err(CertificateError::ScoreTooLow);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank() -> Vec<Question> {
        (0..4)
            .map(|i| {
                Question::new(
                    i,
                    &format!("Q{i}"),
                    &["a".into(), "b".into(), "c".into()],
                    (i % 3) as usize,
                )
                .unwrap()
            })
            .collect()
    }

    #[test]
    fn questions_are_checked() {
        let two = ["yes".to_string(), " ".to_string(), "no".to_string()];
        let q = Question::new(1, " Which law? ", &two, 1).unwrap();
        assert_eq!(q.choices, vec!["yes", "no"]);
        assert_eq!(q.prompt, "Which law?");
        assert_eq!(Question::new(1, " ", &two, 0), Err(QuestionError::Prompt));
        assert_eq!(
            Question::new(1, "Q", &["only".to_string()], 0),
            Err(QuestionError::Choices)
        );
        assert_eq!(Question::new(1, "Q", &two, 2), Err(QuestionError::Correct));
    }

    #[test]
    fn scoring_counts_right_answers_and_refuses_bad_sheets() {
        let qs = bank();
        let s = score(&qs, &[Some(0), Some(1), Some(0), Some(0)]).unwrap();
        assert_eq!(
            s,
            Score {
                correct: 3,
                total: 4
            }
        );
        assert_eq!(s.basis_points(), 7500);
        assert_eq!(s.percent(), 75);
        assert_eq!(
            score(&qs, &[Some(0), None, Some(0), Some(0)]),
            Err(AnswerError::Unanswered)
        );
        assert_eq!(score(&qs, &[Some(0)]), Err(AnswerError::Unanswered));
        assert_eq!(
            score(&qs, &[Some(0), Some(9), Some(0), Some(0)]),
            Err(AnswerError::InvalidChoice)
        );
        assert_eq!(score(&[], &[]).unwrap().basis_points(), 0);
    }

    #[test]
    fn test_order_rules() {
        use TestPhase::*;
        assert_eq!(may_take(Pre, false, false, false), Ok(()));
        assert_eq!(
            may_take(Pre, true, true, false),
            Err(AnswerError::AlreadyTaken)
        );
        assert_eq!(may_take(Pre, true, false, true), Err(AnswerError::NotNow));
        assert_eq!(may_take(Post, false, true, false), Err(AnswerError::NotNow));
        assert_eq!(may_take(Post, true, false, false), Ok(()));
        assert_eq!(
            may_take(Post, true, true, true),
            Err(AnswerError::AlreadyTaken)
        );
    }

    #[test]
    fn gains_per_person_and_on_average() {
        let s = |c, t| {
            Some(Score {
                correct: c,
                total: t,
            })
        };
        assert_eq!(gain(s(1, 4), s(3, 4)), Some(5000));
        assert_eq!(gain(s(3, 4), s(2, 4)), Some(-2500));
        assert_eq!(gain(None, s(3, 4)), None);
        assert_eq!(gain(s(1, 4), None), None);
        assert_eq!(average_gain(&[]), None);
        assert_eq!(average_gain(&[5000, 2500]), Some(3750));
        assert_eq!(average_gain(&[1, 2]), Some(2)); // 1.5 rounds up
        assert_eq!(average_gain(&[-1, -2]), Some(-2)); // -1.5 rounds away from zero
        assert_eq!(average_gain(&[3333, 3333, 3334]), Some(3333));
    }

    #[test]
    fn satisfaction_is_parsed_and_summarised() {
        let s = Satisfaction::parse(["5", " 4", "3", "1"], "  good ").unwrap();
        assert_eq!((s.overall, s.organisation), (5, 1));
        assert_eq!(s.comment, "good");
        for bad in ["0", "6", "", "x", "4.5"] {
            assert_eq!(
                Satisfaction::parse([bad, "4", "4", "4"], ""),
                Err(SatisfactionError::Rating)
            );
        }
        assert_eq!(
            Satisfaction::parse(["4", "4", "4", "4"], &"x".repeat(2001)),
            Err(SatisfactionError::CommentTooLong)
        );
        let sum = summarise_satisfaction(&[5, 4, 3, 2]);
        assert_eq!(sum.responses, 4);
        assert_eq!(sum.average_hundredths, Some(350));
        assert_eq!(sum.satisfied_permille, Some(500));
        assert_eq!(summarise_satisfaction(&[]), SatisfactionSummary::default());
        assert_eq!(
            summarise_satisfaction(&[5, 5, 4]).average_hundredths,
            Some(467)
        );
    }

    #[test]
    fn certificate_rules() {
        let crit = CertificateCriteria {
            enabled: true,
            requires_post_test: true,
            min_post_score_percent: 50,
        };
        let s = |c| {
            Some(Score {
                correct: c,
                total: 4,
            })
        };
        assert_eq!(certificate_eligibility(&crit, true, s(2)), Ok(()));
        assert_eq!(
            certificate_eligibility(&crit, true, s(1)),
            Err(CertificateError::ScoreTooLow)
        );
        assert_eq!(
            certificate_eligibility(&crit, true, None),
            Err(CertificateError::PostTestMissing)
        );
        assert_eq!(
            certificate_eligibility(&crit, false, s(4)),
            Err(CertificateError::NotAttended)
        );
        assert_eq!(
            certificate_eligibility(&CertificateCriteria::NONE, true, s(4)),
            Err(CertificateError::NotOffered)
        );
        let attendance_only = CertificateCriteria {
            enabled: true,
            requires_post_test: false,
            min_post_score_percent: 0,
        };
        assert_eq!(
            certificate_eligibility(&attendance_only, true, None),
            Ok(())
        );
    }
}
