import type { SurveyAnswer } from '@chronicle/domain';
import { TextField } from '../shared/field-decorators';
import { TEXT_MAX_LENGTH, TITLE_MAX_LENGTH } from '../shared/limits';

export class SurveyAnswerDto implements SurveyAnswer {
  @TextField(TITLE_MAX_LENGTH, { example: 'What could we do better?' })
  question!: string;

  @TextField(TEXT_MAX_LENGTH, { example: 'Faster exports' })
  answer!: string;
}
