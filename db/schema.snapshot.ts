// The schema every migrated database must have, on SQLite and PostgreSQL alike.
// Written by tests/unit/db/schema-check.test.ts (`npx vitest -u` after a new migration).
import type { SchemaShape } from './schema-check';

export const SCHEMA: SchemaShape = {
  "access_requests": {
    "agency_id": {
      "type": "integer",
      "nullable": false
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "decided_at": {
      "type": "text",
      "nullable": true
    },
    "decided_by": {
      "type": "integer",
      "nullable": true
    },
    "email": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "issuer": {
      "type": "text",
      "nullable": false
    },
    "name": {
      "type": "text",
      "nullable": false
    },
    "note": {
      "type": "text",
      "nullable": true
    },
    "person_id": {
      "type": "integer",
      "nullable": true
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": false
    },
    "reason": {
      "type": "text",
      "nullable": false
    },
    "role": {
      "type": "text",
      "nullable": false
    },
    "status": {
      "type": "text",
      "nullable": false
    },
    "subject": {
      "type": "text",
      "nullable": false
    }
  },
  "access_reviews": {
    "fiscal_year": {
      "type": "integer",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": false
    },
    "quarter": {
      "type": "integer",
      "nullable": false
    },
    "reviewed_at": {
      "type": "text",
      "nullable": false
    },
    "reviewed_by": {
      "type": "integer",
      "nullable": true
    }
  },
  "accounts": {
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "failed_attempts": {
      "type": "integer",
      "nullable": false
    },
    "is_demo": {
      "type": "integer",
      "nullable": false
    },
    "last_failed_at": {
      "type": "text",
      "nullable": true
    },
    "last_sign_in_at": {
      "type": "text",
      "nullable": true
    },
    "locked_until": {
      "type": "text",
      "nullable": true
    },
    "password_hash": {
      "type": "text",
      "nullable": false
    },
    "person_id": {
      "type": "integer",
      "nullable": false
    }
  },
  "action_plan_citations": {
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "created_by": {
      "type": "integer",
      "nullable": true
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "kind": {
      "type": "text",
      "nullable": false
    },
    "note": {
      "type": "text",
      "nullable": false
    },
    "plan_id": {
      "type": "integer",
      "nullable": false
    },
    "ref_id": {
      "type": "integer",
      "nullable": false
    },
    "section": {
      "type": "integer",
      "nullable": false
    }
  },
  "action_plan_comments": {
    "author_id": {
      "type": "integer",
      "nullable": false
    },
    "body": {
      "type": "text",
      "nullable": false
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "plan_id": {
      "type": "integer",
      "nullable": false
    },
    "resolved_at": {
      "type": "text",
      "nullable": true
    },
    "resolved_by": {
      "type": "integer",
      "nullable": true
    },
    "section": {
      "type": "integer",
      "nullable": false
    }
  },
  "action_plan_versions": {
    "doc": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "name": {
      "type": "text",
      "nullable": false
    },
    "note": {
      "type": "text",
      "nullable": false
    },
    "plan_id": {
      "type": "integer",
      "nullable": false
    },
    "saved_at": {
      "type": "text",
      "nullable": false
    },
    "saved_by": {
      "type": "integer",
      "nullable": true
    },
    "version": {
      "type": "integer",
      "nullable": false
    }
  },
  "action_plans": {
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "doc": {
      "type": "text",
      "nullable": false
    },
    "draft_due": {
      "type": "text",
      "nullable": false
    },
    "final_due": {
      "type": "text",
      "nullable": false
    },
    "fiscal_year": {
      "type": "integer",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": false
    },
    "status": {
      "type": "text",
      "nullable": false
    },
    "title": {
      "type": "text",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    },
    "version": {
      "type": "integer",
      "nullable": false
    }
  },
  "agencies": {
    "code": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "name": {
      "type": "text",
      "nullable": false
    },
    "parent_id": {
      "type": "integer",
      "nullable": true
    }
  },
  "agency_pocs": {
    "agency_id": {
      "type": "integer",
      "nullable": false
    },
    "ended_at": {
      "type": "text",
      "nullable": true
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "person_id": {
      "type": "integer",
      "nullable": false
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": false
    },
    "started_at": {
      "type": "text",
      "nullable": false
    }
  },
  "audit_log": {
    "action": {
      "type": "text",
      "nullable": false
    },
    "actor_id": {
      "type": "integer",
      "nullable": true
    },
    "at": {
      "type": "text",
      "nullable": false
    },
    "changes": {
      "type": "text",
      "nullable": false
    },
    "entity_id": {
      "type": "text",
      "nullable": false
    },
    "entity_type": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": true
    },
    "project_id": {
      "type": "integer",
      "nullable": true
    }
  },
  "burden_assessments": {
    "archived_at": {
      "type": "text",
      "nullable": true
    },
    "archived_by": {
      "type": "integer",
      "nullable": true
    },
    "baseline_id": {
      "type": "integer",
      "nullable": true
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "journey_map_id": {
      "type": "integer",
      "nullable": true
    },
    "multiplier_milli": {
      "type": "integer",
      "nullable": false
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": false
    },
    "service_name": {
      "type": "text",
      "nullable": false
    },
    "title": {
      "type": "text",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    },
    "version": {
      "type": "integer",
      "nullable": false
    },
    "wage_cents": {
      "type": "integer",
      "nullable": true
    },
    "wage_source": {
      "type": "text",
      "nullable": false
    }
  },
  "burden_items": {
    "assessment_id": {
      "type": "integer",
      "nullable": false
    },
    "autonomy": {
      "type": "integer",
      "nullable": true
    },
    "category": {
      "type": "text",
      "nullable": false
    },
    "description": {
      "type": "text",
      "nullable": false
    },
    "frustration": {
      "type": "integer",
      "nullable": true
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "item_key": {
      "type": "text",
      "nullable": false
    },
    "occurrences_hundredths": {
      "type": "integer",
      "nullable": false
    },
    "out_of_pocket_cents": {
      "type": "integer",
      "nullable": false
    },
    "people_per_year": {
      "type": "integer",
      "nullable": false
    },
    "position": {
      "type": "integer",
      "nullable": false
    },
    "seconds_per_occurrence": {
      "type": "integer",
      "nullable": false
    },
    "step_id": {
      "type": "integer",
      "nullable": true
    },
    "stigma": {
      "type": "integer",
      "nullable": true
    },
    "stress": {
      "type": "integer",
      "nullable": true
    },
    "time_equivalent_seconds": {
      "type": "integer",
      "nullable": true
    }
  },
  "burden_segment_overrides": {
    "item_id": {
      "type": "integer",
      "nullable": false
    },
    "out_of_pocket_cents": {
      "type": "integer",
      "nullable": true
    },
    "seconds_per_occurrence": {
      "type": "integer",
      "nullable": true
    },
    "segment_id": {
      "type": "integer",
      "nullable": false
    }
  },
  "burden_segments": {
    "assessment_id": {
      "type": "integer",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "name": {
      "type": "text",
      "nullable": false
    },
    "segment_key": {
      "type": "text",
      "nullable": false
    },
    "share_bp": {
      "type": "integer",
      "nullable": false
    },
    "time_percent": {
      "type": "integer",
      "nullable": false
    },
    "wage_cents": {
      "type": "integer",
      "nullable": true
    }
  },
  "charter_signatures": {
    "agency_id": {
      "type": "integer",
      "nullable": false
    },
    "charter_revision": {
      "type": "integer",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "person_id": {
      "type": "integer",
      "nullable": false
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": false
    },
    "signed_at": {
      "type": "text",
      "nullable": false
    }
  },
  "collab_documents": {
    "name": {
      "type": "text",
      "nullable": false
    },
    "state": {
      "type": "bytes",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    }
  },
  "collab_updates": {
    "at": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "name": {
      "type": "text",
      "nullable": false
    },
    "person_id": {
      "type": "integer",
      "nullable": true
    },
    "update": {
      "type": "bytes",
      "nullable": false
    }
  },
  "evaluation_plan_activities": {
    "activity_id": {
      "type": "integer",
      "nullable": false
    },
    "plan_id": {
      "type": "integer",
      "nullable": false
    }
  },
  "evaluation_plans": {
    "analysis_plan": {
      "type": "text",
      "nullable": false
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "decision_rule": {
      "type": "text",
      "nullable": false
    },
    "design": {
      "type": "text",
      "nullable": false
    },
    "design_detail": {
      "type": "text",
      "nullable": false
    },
    "findings": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "population": {
      "type": "text",
      "nullable": false
    },
    "project_id": {
      "type": "integer",
      "nullable": false
    },
    "questions": {
      "type": "text",
      "nullable": false
    },
    "sample": {
      "type": "text",
      "nullable": false
    },
    "status": {
      "type": "text",
      "nullable": false
    },
    "title": {
      "type": "text",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    },
    "version": {
      "type": "integer",
      "nullable": false
    }
  },
  "identity_links": {
    "email_at_link": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "issuer": {
      "type": "text",
      "nullable": false
    },
    "last_used_at": {
      "type": "text",
      "nullable": true
    },
    "linked_at": {
      "type": "text",
      "nullable": false
    },
    "person_id": {
      "type": "integer",
      "nullable": false
    },
    "subject": {
      "type": "text",
      "nullable": false
    }
  },
  "invitations": {
    "accepted_at": {
      "type": "text",
      "nullable": true
    },
    "accepted_person_id": {
      "type": "integer",
      "nullable": true
    },
    "agency_id": {
      "type": "integer",
      "nullable": false
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "email": {
      "type": "text",
      "nullable": false
    },
    "expires_at": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "invited_by": {
      "type": "integer",
      "nullable": true
    },
    "name": {
      "type": "text",
      "nullable": false
    },
    "omb_lead": {
      "type": "integer",
      "nullable": false
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": true
    },
    "revoked_at": {
      "type": "text",
      "nullable": true
    },
    "revoked_by": {
      "type": "integer",
      "nullable": true
    },
    "role": {
      "type": "text",
      "nullable": true
    }
  },
  "journey_maps": {
    "archived_at": {
      "type": "text",
      "nullable": true
    },
    "archived_by": {
      "type": "integer",
      "nullable": true
    },
    "copied_from_id": {
      "type": "integer",
      "nullable": true
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "description": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "illustrative": {
      "type": "integer",
      "nullable": false
    },
    "personas": {
      "type": "text",
      "nullable": false
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": false
    },
    "project_id": {
      "type": "integer",
      "nullable": true
    },
    "source_note": {
      "type": "text",
      "nullable": false
    },
    "title": {
      "type": "text",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    },
    "version": {
      "type": "integer",
      "nullable": false
    },
    "version_label": {
      "type": "text",
      "nullable": false
    },
    "version_name": {
      "type": "text",
      "nullable": false
    }
  },
  "journey_stages": {
    "id": {
      "type": "integer",
      "nullable": false
    },
    "map_id": {
      "type": "integer",
      "nullable": false
    },
    "name": {
      "type": "text",
      "nullable": false
    },
    "position": {
      "type": "integer",
      "nullable": false
    }
  },
  "journey_step_projects": {
    "project_id": {
      "type": "integer",
      "nullable": false
    },
    "step_id": {
      "type": "integer",
      "nullable": false
    }
  },
  "journey_steps": {
    "actors": {
      "type": "text",
      "nullable": false
    },
    "channel": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "map_id": {
      "type": "integer",
      "nullable": false
    },
    "notes": {
      "type": "text",
      "nullable": false
    },
    "opportunities": {
      "type": "text",
      "nullable": false
    },
    "pain_points": {
      "type": "text",
      "nullable": false
    },
    "position": {
      "type": "integer",
      "nullable": false
    },
    "score": {
      "type": "integer",
      "nullable": false
    },
    "stage_id": {
      "type": "integer",
      "nullable": false
    },
    "step_key": {
      "type": "text",
      "nullable": false
    },
    "title": {
      "type": "text",
      "nullable": false
    },
    "touchpoint": {
      "type": "text",
      "nullable": false
    }
  },
  "measure_actuals": {
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "measure_id": {
      "type": "integer",
      "nullable": false
    },
    "note": {
      "type": "text",
      "nullable": false
    },
    "on_date": {
      "type": "text",
      "nullable": false
    },
    "value": {
      "type": "real",
      "nullable": false
    }
  },
  "milestones": {
    "completed_on": {
      "type": "text",
      "nullable": true
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "due_date": {
      "type": "text",
      "nullable": true
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "notes": {
      "type": "text",
      "nullable": false
    },
    "owner": {
      "type": "text",
      "nullable": false
    },
    "position": {
      "type": "integer",
      "nullable": false
    },
    "project_id": {
      "type": "integer",
      "nullable": false
    },
    "source_note": {
      "type": "text",
      "nullable": false
    },
    "status": {
      "type": "text",
      "nullable": false
    },
    "timing_fy": {
      "type": "integer",
      "nullable": true
    },
    "timing_quarter": {
      "type": "integer",
      "nullable": true
    },
    "title": {
      "type": "text",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    },
    "version": {
      "type": "integer",
      "nullable": false
    }
  },
  "notification_preferences": {
    "delivery": {
      "type": "text",
      "nullable": false
    },
    "kind": {
      "type": "text",
      "nullable": false
    },
    "person_id": {
      "type": "integer",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    }
  },
  "notifications": {
    "body": {
      "type": "text",
      "nullable": false
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "digest_id": {
      "type": "integer",
      "nullable": true
    },
    "email_attempts": {
      "type": "integer",
      "nullable": false
    },
    "email_error": {
      "type": "text",
      "nullable": true
    },
    "email_next_at": {
      "type": "text",
      "nullable": true
    },
    "email_status": {
      "type": "text",
      "nullable": false
    },
    "emailed_at": {
      "type": "text",
      "nullable": true
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "kind": {
      "type": "text",
      "nullable": false
    },
    "link": {
      "type": "text",
      "nullable": false
    },
    "person_id": {
      "type": "integer",
      "nullable": false
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": true
    },
    "read_at": {
      "type": "text",
      "nullable": true
    },
    "source": {
      "type": "text",
      "nullable": false
    },
    "title": {
      "type": "text",
      "nullable": false
    },
    "unsubscribe_token": {
      "type": "text",
      "nullable": true
    }
  },
  "people": {
    "agency_id": {
      "type": "integer",
      "nullable": false
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "deactivated_at": {
      "type": "text",
      "nullable": true
    },
    "deactivated_reason": {
      "type": "text",
      "nullable": true
    },
    "email": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "is_omb_lead": {
      "type": "integer",
      "nullable": false
    },
    "last_sign_in_at": {
      "type": "text",
      "nullable": true
    },
    "name": {
      "type": "text",
      "nullable": false
    },
    "time_zone": {
      "type": "text",
      "nullable": true
    },
    "title": {
      "type": "text",
      "nullable": true
    }
  },
  "phase_answers": {
    "agency_id": {
      "type": "integer",
      "nullable": false
    },
    "answer": {
      "type": "text",
      "nullable": false
    },
    "answered_at": {
      "type": "text",
      "nullable": false
    },
    "comment": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "person_id": {
      "type": "integer",
      "nullable": false
    },
    "request_id": {
      "type": "integer",
      "nullable": false
    }
  },
  "phase_reaffirmations": {
    "agency_id": {
      "type": "integer",
      "nullable": false
    },
    "at": {
      "type": "text",
      "nullable": false
    },
    "comment": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "person_id": {
      "type": "integer",
      "nullable": false
    },
    "phase": {
      "type": "text",
      "nullable": false
    },
    "project_id": {
      "type": "integer",
      "nullable": false
    }
  },
  "phase_request_agencies": {
    "agency_id": {
      "type": "integer",
      "nullable": false
    },
    "request_id": {
      "type": "integer",
      "nullable": false
    }
  },
  "phase_requests": {
    "closed_at": {
      "type": "text",
      "nullable": true
    },
    "closed_by": {
      "type": "integer",
      "nullable": true
    },
    "evidence": {
      "type": "text",
      "nullable": false
    },
    "from_phase": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "kind": {
      "type": "text",
      "nullable": false
    },
    "override_reason": {
      "type": "text",
      "nullable": true
    },
    "project_id": {
      "type": "integer",
      "nullable": false
    },
    "requested_at": {
      "type": "text",
      "nullable": false
    },
    "requested_by": {
      "type": "integer",
      "nullable": false
    },
    "status": {
      "type": "text",
      "nullable": false
    },
    "to_phase": {
      "type": "text",
      "nullable": false
    }
  },
  "pmc_updates": {
    "annotations": {
      "type": "text",
      "nullable": false
    },
    "correction_note": {
      "type": "text",
      "nullable": true
    },
    "corrects_id": {
      "type": "integer",
      "nullable": true
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "excluded": {
      "type": "text",
      "nullable": false
    },
    "fiscal_year": {
      "type": "integer",
      "nullable": false
    },
    "highlights": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "item_order": {
      "type": "text",
      "nullable": false
    },
    "portfolio_order": {
      "type": "text",
      "nullable": false
    },
    "published_at": {
      "type": "text",
      "nullable": true
    },
    "published_by": {
      "type": "integer",
      "nullable": true
    },
    "quarter": {
      "type": "integer",
      "nullable": false
    },
    "snapshot": {
      "type": "text",
      "nullable": true
    },
    "status": {
      "type": "text",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    },
    "version": {
      "type": "integer",
      "nullable": false
    },
    "withdrawn_at": {
      "type": "text",
      "nullable": true
    },
    "withdrawn_by": {
      "type": "integer",
      "nullable": true
    },
    "withdrawn_reason": {
      "type": "text",
      "nullable": true
    }
  },
  "portfolio_agencies": {
    "agency_id": {
      "type": "integer",
      "nullable": false
    },
    "pmc_member_id": {
      "type": "integer",
      "nullable": true
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": false
    }
  },
  "portfolio_memberships": {
    "person_id": {
      "type": "integer",
      "nullable": false
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": false
    },
    "role": {
      "type": "text",
      "nullable": false
    }
  },
  "portfolios": {
    "charter_revision": {
      "type": "integer",
      "nullable": false
    },
    "charter_text": {
      "type": "text",
      "nullable": false
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "cycle_start_fy": {
      "type": "integer",
      "nullable": false
    },
    "description": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "lead_agency_id": {
      "type": "integer",
      "nullable": false
    },
    "name": {
      "type": "text",
      "nullable": false
    },
    "slug": {
      "type": "text",
      "nullable": false
    },
    "source_note": {
      "type": "text",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    },
    "version": {
      "type": "integer",
      "nullable": false
    }
  },
  "pra_clearances": {
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "expires_on": {
      "type": "text",
      "nullable": true
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "kind": {
      "type": "text",
      "nullable": false
    },
    "omb_control_number": {
      "type": "text",
      "nullable": true
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": false
    },
    "title": {
      "type": "text",
      "nullable": false
    },
    "version": {
      "type": "integer",
      "nullable": false
    }
  },
  "project_agencies": {
    "agency_id": {
      "type": "integer",
      "nullable": false
    },
    "project_id": {
      "type": "integer",
      "nullable": false
    }
  },
  "projects": {
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "health": {
      "type": "text",
      "nullable": false
    },
    "health_reason": {
      "type": "text",
      "nullable": true
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "name": {
      "type": "text",
      "nullable": false
    },
    "outcomes_long_term": {
      "type": "text",
      "nullable": false
    },
    "outcomes_short_term": {
      "type": "text",
      "nullable": false
    },
    "owner_agency_id": {
      "type": "integer",
      "nullable": true
    },
    "pain_points": {
      "type": "text",
      "nullable": false
    },
    "phase": {
      "type": "text",
      "nullable": false
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": false
    },
    "source_note": {
      "type": "text",
      "nullable": false
    },
    "summary": {
      "type": "text",
      "nullable": false
    },
    "theory_of_change": {
      "type": "text",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    },
    "version": {
      "type": "integer",
      "nullable": false
    }
  },
  "research_activities": {
    "archived_at": {
      "type": "text",
      "nullable": true
    },
    "archived_by": {
      "type": "integer",
      "nullable": true
    },
    "counsel_approved": {
      "type": "integer",
      "nullable": false
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "decision": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "incentive_cents": {
      "type": "integer",
      "nullable": true
    },
    "incentive_kind": {
      "type": "text",
      "nullable": false
    },
    "method": {
      "type": "text",
      "nullable": false
    },
    "override_by": {
      "type": "integer",
      "nullable": true
    },
    "override_reason": {
      "type": "text",
      "nullable": true
    },
    "phase": {
      "type": "text",
      "nullable": false
    },
    "project_id": {
      "type": "integer",
      "nullable": false
    },
    "purpose": {
      "type": "text",
      "nullable": false
    },
    "questions": {
      "type": "text",
      "nullable": false
    },
    "questions_fingerprint": {
      "type": "text",
      "nullable": true
    },
    "screening_questions": {
      "type": "text",
      "nullable": false
    },
    "title": {
      "type": "text",
      "nullable": false
    },
    "unscripted": {
      "type": "integer",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    },
    "version": {
      "type": "integer",
      "nullable": false
    }
  },
  "research_activity_clearances": {
    "activity_id": {
      "type": "integer",
      "nullable": false
    },
    "clearance_id": {
      "type": "integer",
      "nullable": false
    }
  },
  "research_participants": {
    "category": {
      "type": "text",
      "nullable": false
    },
    "code": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "session_id": {
      "type": "integer",
      "nullable": false
    }
  },
  "research_sessions": {
    "activity_id": {
      "type": "integer",
      "nullable": false
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "held_on": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    }
  },
  "search_entries": {
    "archived": {
      "type": "integer",
      "nullable": false
    },
    "audience": {
      "type": "text",
      "nullable": false
    },
    "body": {
      "type": "text",
      "nullable": false
    },
    "context": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "kind": {
      "type": "text",
      "nullable": false
    },
    "owner_id": {
      "type": "integer",
      "nullable": false
    },
    "owner_type": {
      "type": "text",
      "nullable": false
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": true
    },
    "project_id": {
      "type": "integer",
      "nullable": true
    },
    "record_id": {
      "type": "integer",
      "nullable": false
    },
    "title": {
      "type": "text",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    },
    "url": {
      "type": "text",
      "nullable": false
    }
  },
  "sessions": {
    "acr": {
      "type": "text",
      "nullable": true
    },
    "auth_method": {
      "type": "text",
      "nullable": false
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "expires_at": {
      "type": "text",
      "nullable": false
    },
    "id_hash": {
      "type": "text",
      "nullable": false
    },
    "last_seen_at": {
      "type": "text",
      "nullable": true
    },
    "person_id": {
      "type": "integer",
      "nullable": false
    },
    "x509_presented": {
      "type": "integer",
      "nullable": true
    }
  },
  "sign_in_flows": {
    "assurance": {
      "type": "text",
      "nullable": false
    },
    "code_verifier": {
      "type": "text",
      "nullable": true
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "email": {
      "type": "text",
      "nullable": true
    },
    "expected_subject": {
      "type": "text",
      "nullable": true
    },
    "expires_at": {
      "type": "text",
      "nullable": false
    },
    "id_hash": {
      "type": "text",
      "nullable": false
    },
    "issuer": {
      "type": "text",
      "nullable": true
    },
    "kind": {
      "type": "text",
      "nullable": false
    },
    "nonce": {
      "type": "text",
      "nullable": true
    },
    "redirect_to": {
      "type": "text",
      "nullable": false
    },
    "state": {
      "type": "text",
      "nullable": true
    },
    "subject": {
      "type": "text",
      "nullable": true
    }
  },
  "success_measures": {
    "baseline_date": {
      "type": "text",
      "nullable": false
    },
    "baseline_value": {
      "type": "real",
      "nullable": false
    },
    "cadence": {
      "type": "text",
      "nullable": false
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "data_source": {
      "type": "text",
      "nullable": false
    },
    "definition": {
      "type": "text",
      "nullable": false
    },
    "direction": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "name": {
      "type": "text",
      "nullable": false
    },
    "owner_agency_id": {
      "type": "integer",
      "nullable": true
    },
    "project_id": {
      "type": "integer",
      "nullable": false
    },
    "source_assessment_id": {
      "type": "integer",
      "nullable": true
    },
    "source_collection_id": {
      "type": "integer",
      "nullable": true
    },
    "source_kind": {
      "type": "text",
      "nullable": false
    },
    "target_date": {
      "type": "text",
      "nullable": false
    },
    "target_value": {
      "type": "real",
      "nullable": false
    },
    "tolerance": {
      "type": "real",
      "nullable": true
    },
    "unit": {
      "type": "text",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    },
    "version": {
      "type": "integer",
      "nullable": false
    }
  },
  "survey_collection_projects": {
    "collection_id": {
      "type": "integer",
      "nullable": false
    },
    "project_id": {
      "type": "integer",
      "nullable": false
    }
  },
  "survey_collections": {
    "agency_id": {
      "type": "integer",
      "nullable": false
    },
    "channel": {
      "type": "text",
      "nullable": false
    },
    "created_at": {
      "type": "text",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "illustrative": {
      "type": "integer",
      "nullable": false
    },
    "journey_step_id": {
      "type": "integer",
      "nullable": true
    },
    "likert_affirmative": {
      "type": "text",
      "nullable": false
    },
    "omb_control_number": {
      "type": "text",
      "nullable": false
    },
    "portfolio_id": {
      "type": "integer",
      "nullable": false
    },
    "scale": {
      "type": "text",
      "nullable": false
    },
    "service_name": {
      "type": "text",
      "nullable": false
    },
    "service_stage": {
      "type": "text",
      "nullable": false
    },
    "survey_title": {
      "type": "text",
      "nullable": false
    },
    "trust_question_text": {
      "type": "text",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    },
    "version": {
      "type": "integer",
      "nullable": false
    }
  },
  "survey_datasets": {
    "collection_id": {
      "type": "integer",
      "nullable": false
    },
    "customers_offered": {
      "type": "integer",
      "nullable": false
    },
    "file_name": {
      "type": "text",
      "nullable": false
    },
    "fiscal_year": {
      "type": "integer",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "imported_at": {
      "type": "text",
      "nullable": false
    },
    "imported_by": {
      "type": "integer",
      "nullable": true
    },
    "open_text": {
      "type": "integer",
      "nullable": false
    },
    "quarter": {
      "type": "integer",
      "nullable": false
    },
    "replaced_at": {
      "type": "text",
      "nullable": true
    },
    "replaced_by": {
      "type": "integer",
      "nullable": true
    },
    "respondents": {
      "type": "integer",
      "nullable": false
    },
    "tally": {
      "type": "text",
      "nullable": false
    },
    "volume_of_customers": {
      "type": "integer",
      "nullable": false
    }
  },
  "survey_responses": {
    "dataset_id": {
      "type": "integer",
      "nullable": false
    },
    "id": {
      "type": "integer",
      "nullable": false
    },
    "line": {
      "type": "integer",
      "nullable": false
    },
    "negative_ease": {
      "type": "integer",
      "nullable": true
    },
    "negative_effectiveness": {
      "type": "integer",
      "nullable": true
    },
    "negative_efficiency": {
      "type": "integer",
      "nullable": true
    },
    "negative_employee": {
      "type": "integer",
      "nullable": true
    },
    "negative_humanity": {
      "type": "integer",
      "nullable": true
    },
    "negative_other": {
      "type": "integer",
      "nullable": true
    },
    "negative_transparency": {
      "type": "integer",
      "nullable": true
    },
    "positive_ease": {
      "type": "integer",
      "nullable": true
    },
    "positive_effectiveness": {
      "type": "integer",
      "nullable": true
    },
    "positive_efficiency": {
      "type": "integer",
      "nullable": true
    },
    "positive_employee": {
      "type": "integer",
      "nullable": true
    },
    "positive_humanity": {
      "type": "integer",
      "nullable": true
    },
    "positive_other": {
      "type": "integer",
      "nullable": true
    },
    "positive_transparency": {
      "type": "integer",
      "nullable": true
    },
    "question_1": {
      "type": "integer",
      "nullable": false
    },
    "question_4": {
      "type": "text",
      "nullable": true
    }
  },
  "workspace_settings": {
    "key": {
      "type": "text",
      "nullable": false
    },
    "updated_at": {
      "type": "text",
      "nullable": false
    },
    "value": {
      "type": "text",
      "nullable": false
    },
    "version": {
      "type": "integer",
      "nullable": false
    }
  }
};
