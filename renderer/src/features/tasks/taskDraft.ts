/**
 * Unsent text of a task's progress form, per task, kept when the drawer closes so nothing typed is
 * lost (issue #17: Esc closed the drawer and lost it). sessionStorage: it survives closing and
 * reopening the drawer or moving between screens, and goes when the window closes.
 */
const KEY = 'qcdc.taskDraft.';

export function readTaskDraft(taskId: string): string {
  try {
    return sessionStorage.getItem(KEY + taskId) ?? '';
  } catch {
    return '';
  }
}

export function writeTaskDraft(taskId: string, text: string): void {
  try {
    if (text.trim()) sessionStorage.setItem(KEY + taskId, text);
    else sessionStorage.removeItem(KEY + taskId);
  } catch {
    // Storage refused (private mode, quota): the draft only lives as long as the form.
  }
}
