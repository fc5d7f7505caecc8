import { AppError } from '@shared/errors/appError';

/** Prefixes a member's field errors with its position so the form marks the right row. */
export async function withMemberPath<T>(index: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors.length > 0) {
      throw new AppError({
        ...error.toData(),
        fieldErrors: error.fieldErrors.map((e) => ({ ...e, path: `members.${index}.${e.path}` })),
      });
    }
    throw error;
  }
}
