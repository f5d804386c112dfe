"""One exception per refusal, each with the stable code the CLI prints and
the GUI translates. Messages are for people; codes are for programs."""

from __future__ import annotations


class DeskError(Exception):
    """A refusal by a rule: nothing was changed."""

    code = "internal"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


def _error(name: str, code: str) -> type[DeskError]:
    return type(name, (DeskError,), {"code": code})


MemberNotFound = _error("MemberNotFound", "member_not_found")
DuplicateEmail = _error("DuplicateEmail", "duplicate_email")
InvalidEmail = _error("InvalidEmail", "invalid_email")
InvalidName = _error("InvalidName", "invalid_name")
GuardianConsentRequired = _error("GuardianConsentRequired", "guardian_consent_required")
FullRegistrationRequired = _error("FullRegistrationRequired", "full_registration_required")
MemberClosed = _error("MemberClosed", "member_closed")
InsufficientPoints = _error("InsufficientPoints", "insufficient_points")
InvalidAmount = _error("InvalidAmount", "invalid_amount")
InvalidDates = _error("InvalidDates", "invalid_dates")
DuplicateFolio = _error("DuplicateFolio", "duplicate_folio")
BeforeEnrollment = _error("BeforeEnrollment", "before_enrollment")
ClaimTooLate = _error("ClaimTooLate", "claim_too_late")
AwardNotEligible = _error("AwardNotEligible", "award_not_eligible")
UnknownAward = _error("UnknownAward", "unknown_award")
InvalidCard = _error("InvalidCard", "invalid_card")
SameMember = _error("SameMember", "same_member")
UnknownProperty = _error("UnknownProperty", "unknown_property")
TransactionNotFound = _error("TransactionNotFound", "transaction_not_found")
AlreadyReversed = _error("AlreadyReversed", "already_reversed")
NotReversible = _error("NotReversible", "not_reversible")
PreviouslyRevoked = _error("PreviouslyRevoked", "previously_revoked")
InvalidBirthDate = _error("InvalidBirthDate", "invalid_birth_date")
# Codes beyond the contract's list (the contract allows additions).
InvalidPhone = _error("InvalidPhone", "invalid_phone")
InvalidAddress = _error("InvalidAddress", "invalid_address")
InvalidReference = _error("InvalidReference", "invalid_reference")
InvalidReason = _error("InvalidReason", "invalid_reason")
NotPermitted = _error("NotPermitted", "not_permitted")
IdentityNotConfirmed = _error("IdentityNotConfirmed", "identity_not_confirmed")
NotInitialized = _error("NotInitialized", "not_initialized")
ProgramMismatch = _error("ProgramMismatch", "program_mismatch")
# Sign-in: the desk's dialog and desk-admin give the same two codes.
NotSignedIn = _error("NotSignedIn", "not_signed_in")
ClerkLocked = _error("ClerkLocked", "clerk_locked")
InvalidClerk = _error("InvalidClerk", "invalid_clerk")
InvalidChannel = _error("InvalidChannel", "invalid_channel")
PremiumSelectionLocked = _error("PremiumSelectionLocked", "premium_selection_locked")
PremiumSelectionRestricted = _error("PremiumSelectionRestricted", "premium_selection_restricted")
OutputNotWritable = _error("OutputNotWritable", "output_not_writable")
AuditRunning = _error("AuditRunning", "audit_running")
# The ledger's integrity, backups, card keys and the business date.
LedgerTampered = _error("LedgerTampered", "ledger_tampered")
LedgerInconsistent = _error("LedgerInconsistent", "ledger_inconsistent")
InvalidBackup = _error("InvalidBackup", "invalid_backup")
NotSupported = _error("NotSupported", "not_supported")
CardKeyMissing = _error("CardKeyMissing", "card_key_missing")
InvalidBusinessDate = _error("InvalidBusinessDate", "invalid_business_date")
# Sane limits: a posted exchange rate far from the property's reference
# rate, a posting above the program's points ceiling, a stay without a room.
InvalidExchangeRate = _error("InvalidExchangeRate", "invalid_exchange_rate")
PointsLimitExceeded = _error("PointsLimitExceeded", "points_limit_exceeded")
NoRoomCharge = _error("NoRoomCharge", "no_room_charge")
NewerSchema = _error("NewerSchema", "newer_schema")
# A row of an import file breaks a rule (services.importing; details["rows"]).
InvalidImport = _error("InvalidImport", "invalid_import")
# Other desks' work kept the database locked through every retry.
DatabaseBusy = _error("DatabaseBusy", "database_busy")
# Kinds of invalid_card (same code for scripts; the desk words each its own way).
CardForged = type("CardForged", (InvalidCard,), {})
CardReplaced = type("CardReplaced", (InvalidCard,), {})
CardOfClosedMembership = type("CardOfClosedMembership", (InvalidCard,), {})
# The program forbids merging its accounts (OMO 5, 11.4): not_permitted for every role.
MergeNotAllowed = type("MergeNotAllowed", (NotPermitted,), {})
# A signed-in clerk's own current password, asked again, was wrong.
CurrentPasswordWrong = type("CurrentPasswordWrong", (NotSignedIn,), {})
