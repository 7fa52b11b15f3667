import type { Collection } from 'mongodb';
import {
  QuestionnaireSubmissionSchema,
  type QuestionnaireResponses,
  type QuestionnaireSubmission,
} from '@shared/questionnaire';
import type { ReadingCorrection } from '@shared/reading';
import { newId } from '../ids';
import { stamped, unstamped } from '../schema/schema-version';
import { pageOf, type Page, type PageRequest } from './paging';

/** Submissions are stored in the original system's shape: `{_id, user_id, responses, submitted_at, plan_generated, plan_id}`. */
export class SubmissionsRepository {
  constructor(private readonly submissions: Collection<QuestionnaireSubmission>) {}

  async create(
    userId: string,
    responses: QuestionnaireResponses,
    now = new Date(),
  ): Promise<QuestionnaireSubmission> {
    return this.createWithId(newId(), userId, responses, now);
  }

  /**
   * For callers that validated the document under its final id before storing it (the HTTP API).
   * The answers are stored as sent: the stored schema requires only the original's seven fields,
   * so a loose optional answer ("horas_sueno": "7") is kept for the job to read, never refused here.
   */
  async createWithId(
    id: string,
    userId: string,
    responses: QuestionnaireResponses,
    now = new Date(),
  ): Promise<QuestionnaireSubmission> {
    const submission = QuestionnaireSubmissionSchema.parse({
      _id: id,
      user_id: userId,
      responses,
      submitted_at: now,
      plan_generated: false,
      plan_id: null,
    });
    await this.submissions.insertOne(stamped(submission));
    return submission;
  }

  async get(id: string): Promise<QuestionnaireSubmission | null> {
    return unstamped(await this.submissions.findOne({ _id: id }));
  }

  /**
   * Read without trusting the shape: another system may have written the document (docs/ARCHITECTURE.md
   * "One job's trip"), so the
   * job validates it again instead of this layer failing on it.
   */
  async getRaw(id: string): Promise<Record<string, unknown> | null> {
    return unstamped(await this.submissions.findOne<Record<string, unknown>>({ _id: id }));
  }

  async listForUser(userId: string, page: PageRequest = {}): Promise<Page<QuestionnaireSubmission>> {
    return pageOf(this.submissions, { user_id: userId }, { submitted_at: -1 }, page);
  }

  /** The coach's corrections of how answers were read (docs/DOMAIN.md, "Reading free-text answers"). */
  async setReadingCorrections(id: string, corrections: readonly ReadingCorrection[]): Promise<boolean> {
    const result = await this.submissions.updateOne(
      { _id: id },
      { $set: { reading_corrections: [...corrections] } },
    );
    return result.matchedCount === 1;
  }

  /** Undoes `markPlanGenerated` for a plan that was withdrawn, if the flag still names it. */
  async clearPlanGenerated(id: string, planId: string): Promise<boolean> {
    const result = await this.submissions.updateOne(
      { _id: id, plan_id: planId },
      { $set: { plan_generated: false, plan_id: null } },
    );
    return result.modifiedCount === 1;
  }

  async markPlanGenerated(id: string, planId: string): Promise<boolean> {
    const result = await this.submissions.updateOne(
      { _id: id },
      { $set: { plan_generated: true, plan_id: planId } },
    );
    return result.matchedCount === 1;
  }
}
