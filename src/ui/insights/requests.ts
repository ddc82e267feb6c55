import { askInsight } from './insight-client';
import { createInsightQueue } from './insight-queue';

/** The page's one insight queue: at most one request of each kind in flight. */
export const requestInsight = createInsightQueue(askInsight);
