import type { RecordSurveyResponse } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { IdField, NumberField } from '../shared/field-decorators';
import { MAX_SURVEY_ANSWERS } from '../shared/limits';
import { NestedArrayField } from '../shared/nested-field-decorators';
import { SurveyAnswerDto } from './survey-answer.dto';

export class RecordSurveyResponseDto extends CommandPayloadDto implements RecordSurveyResponse {
  @IdField({ example: 'SR-1' })
  responseId!: string;

  @IdField({ example: 'C-1' })
  contactId!: string;

  @IdField({ example: 'SURVEY-NPS' })
  surveyId!: string;

  // A response that answers nothing is not a response.
  @NestedArrayField(
    () => SurveyAnswerDto,
    { minItems: 1, maxItems: MAX_SURVEY_ANSWERS },
    { example: [{ question: 'What could we do better?', answer: 'Faster exports' }] },
  )
  answers!: SurveyAnswerDto[];

  @NumberField({ integer: true, min: 0, max: 10 }, { optional: true, example: 9 })
  score?: number;
}
