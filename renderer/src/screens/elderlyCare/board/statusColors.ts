import type { BedStatus } from '@shared/domain/elderlyCare/enums';

/**
 * Board colours per bed status: a light fill for the tile and a strong edge, so the
 * status reads at a glance; the status is also written on the tile, so nothing
 * depends on telling colours apart.
 */
export const statusColors: Record<BedStatus, { fill: string; edge: string; text: string }> = {
  vacant: { fill: '#eaf6ec', edge: '#2e7d32', text: '#1b5e20' },
  reserved: { fill: '#fff6dc', edge: '#c88a00', text: '#7a5200' },
  occupied: { fill: '#e3ecf7', edge: '#1d4e89', text: '#143a66' },
  held: { fill: '#f3e8f6', edge: '#7b3f98', text: '#5a2b70' },
  maintenance: { fill: '#eceff1', edge: '#607d8b', text: '#37474f' },
  retired: { fill: '#f5f5f5', edge: '#bdbdbd', text: '#757575' },
};
