export type Phase = 'discovery' | 'design' | 'development' | 'measurement';
export type Health = 'on_track' | 'at_risk' | 'off_track';
export type MilestoneStatus = 'planned' | 'in_progress' | 'completed' | 'missed';
