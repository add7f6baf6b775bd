// Nameplate figures of the SHA-256 ASICs as domain-facts §3.1 tabulates them (TH/s, W, J/TH), the
// oracle the catalogue is checked against. Where the table gives a range, min/max bound J/TH.

export interface AsicFigure {
  readonly id: string;
  readonly hashrateTHs: number;
  readonly powerW: number;
  /** J/TH as the table prints it (rounded there), with the tolerance the rounding allows. */
  readonly jPerTh: number;
  readonly jPerThTolerance: number;
}

export const ASIC_FIGURES: readonly AsicFigure[] = [
  { id: 'antminer-s19-pro', hashrateTHs: 110, powerW: 3250, jPerTh: 29.5, jPerThTolerance: 0.05 },
  // "96 / 100 / 104 TH/s, 3068 W in another table, 29.5 J/TH": the 104 TH/s variant at 3068 W.
  { id: 'antminer-s19j-pro', hashrateTHs: 104, powerW: 3068, jPerTh: 29.5, jPerThTolerance: 0.05 },
  { id: 'antminer-s19-xp', hashrateTHs: 140, powerW: 3010, jPerTh: 21.5, jPerThTolerance: 0.05 },
  { id: 'antminer-s21', hashrateTHs: 200, powerW: 3500, jPerTh: 17.5, jPerThTolerance: 0 },
  { id: 'antminer-s21-xp', hashrateTHs: 270, powerW: 3645, jPerTh: 13.5, jPerThTolerance: 0.05 },
  { id: 'whatsminer-m30s-pp', hashrateTHs: 112, powerW: 3472, jPerTh: 31, jPerThTolerance: 0.5 },
  // "~114–126 TH/s, 3276 W, ~26–29 J/TH": the middle of the range.
  { id: 'whatsminer-m50', hashrateTHs: 120, powerW: 3276, jPerTh: 27.5, jPerThTolerance: 1.5 },
  { id: 'whatsminer-m60', hashrateTHs: 170, powerW: 3420, jPerTh: 20, jPerThTolerance: 0.5 },
];
