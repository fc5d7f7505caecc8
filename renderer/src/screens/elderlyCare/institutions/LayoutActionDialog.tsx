import type { Bed } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { BedDialog } from '../board/BedDialog';
import { HistoryDialog } from '../history/HistoryDialog';
import { AddBedsDialog } from './AddBedsDialog';
import { BuildingDialog } from './BuildingDialog';
import type { LayoutAction } from './BuildingPanel';
import { RoomDialog } from './RoomDialog';
import { RoomEditDialog } from './RoomEditDialog';

/** The dialog for what was chosen on a building's panel. */
export function LayoutActionDialog(props: {
  action: LayoutAction;
  beds: Bed[];
  onClose: () => void;
}) {
  const { t } = useT();
  const { action: a, onClose } = props;
  switch (a.type) {
    case 'editBuilding':
      return (
        <BuildingDialog
          institutionId={a.building.institutionId}
          existing={a.building}
          onClose={onClose}
        />
      );
    case 'addRoom':
      return <RoomDialog building={a.building} onClose={onClose} />;
    case 'buildingHistory':
      return (
        <HistoryDialog
          kind="elderlyBuilding"
          id={a.building.id}
          title={a.building.name}
          onClose={onClose}
        />
      );
    case 'editRoom':
      return <RoomEditDialog room={a.room} building={a.building} onClose={onClose} />;
    case 'addBeds': {
      const inService = props.beds.filter((b) => b.roomId === a.room.id && b.retiredOn === null);
      return <AddBedsDialog room={a.room} inService={inService.length} onClose={onClose} />;
    }
    case 'roomHistory':
      return (
        <HistoryDialog
          kind="elderlyRoom"
          id={a.room.id}
          title={`${a.building.name} ${t('elderly.roomN', { room: a.room.number })}`}
          onClose={onClose}
        />
      );
    case 'bed':
      return <BedDialog bedId={a.bed.id} onClose={onClose} />;
  }
}
